package dev.picloud.deadletters.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter as stored. {@code payloadJson} (the original event) and {@code errorsJson} (every
 * attempt's entry, a JSON array) are read for the detail only and null in lists. Unresolved means
 * {@code resolvedAt} is null, whatever {@code resolution} says (a failed handler leaves
 * handler_failed on an unresolved row).
 */
public record DeadLetter(
    UUID id,
    UUID appId,
    UUID originalEventId,
    String source,
    String op,
    UUID triggerId,
    UUID scriptId,
    int attemptCount,
    Instant firstAttemptAt,
    Instant lastAttemptAt,
    String lastError,
    UUID executionId,
    UUID rootExecutionId,
    Instant resolvedAt,
    String resolution,
    String resolutionNote,
    UUID replayExecutionId,
    Instant createdAt,
    String payloadJson,
    String errorsJson) {

  public boolean resolved() {
    return resolvedAt != null;
  }
}
