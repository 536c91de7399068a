package dev.picloud.deadletters.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST …/dead_letters/replay}: replays every unresolved dead letter the filter matches (an
 * empty body: all of them). {@code error} is text contained in the last error, ignoring case.
 */
public record ReplayDeadLetters(
    String source,
    UUID triggerId,
    UUID scriptId,
    String error,
    Instant createdAfter,
    Instant createdBefore) {}
