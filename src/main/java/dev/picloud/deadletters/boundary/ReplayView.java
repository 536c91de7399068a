package dev.picloud.deadletters.boundary;

import java.util.UUID;

/** A replay's answer: the new outbox row and its execution (its own root). */
public record ReplayView(UUID outboxId, UUID executionId) {}
