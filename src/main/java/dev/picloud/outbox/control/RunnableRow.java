package dev.picloud.outbox.control;

import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.util.Optional;

/**
 * A row this node has claimed, with its script as the statement that claimed it read it (empty when
 * the script is gone): a claim from the table, or a sync row's insert, which writes it already
 * claimed. The dispatcher starts it without reading the script again.
 */
public record RunnableRow(ClaimedRow row, Optional<RunnableScript> script) {}
