package dev.picloud.outbox.control;

import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.util.Optional;

/**
 * A sync row written already claimed by this node, with its script as the insert read it (empty
 * when the script is gone): the dispatcher starts it without reading the script again.
 */
public record HandedOverRow(ClaimedRow row, Optional<RunnableScript> script) {}
