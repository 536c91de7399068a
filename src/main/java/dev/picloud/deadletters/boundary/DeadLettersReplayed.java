package dev.picloud.deadletters.boundary;

import java.util.UUID;

/** Replays wrote {@code rows} outbox rows of the app in the current transaction. */
public record DeadLettersReplayed(UUID appId, int rows) {}
