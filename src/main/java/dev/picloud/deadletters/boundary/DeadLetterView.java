package dev.picloud.deadletters.boundary;

import dev.picloud.deadletters.control.DeadLetter;
import dev.picloud.platform.control.Jsonp;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter as the API shows it. {@code resolved} is false for a row a failed handler marked
 * handler_failed; {@code replay_execution_id} is the execution a replay enqueued. {@code payload}
 * (the original event) and {@code errors} (every attempt's entry) appear in the detail only.
 */
public record DeadLetterView(
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
    boolean resolved,
    Instant resolvedAt,
    String resolution,
    String resolutionNote,
    UUID replayExecutionId,
    Instant createdAt,
    JsonValue payload,
    JsonValue errors) {

  public static DeadLetterView of(DeadLetter row) {
    return new DeadLetterView(
        row.id(),
        row.appId(),
        row.originalEventId(),
        row.source(),
        row.op(),
        row.triggerId(),
        row.scriptId(),
        row.attemptCount(),
        row.firstAttemptAt(),
        row.lastAttemptAt(),
        row.lastError(),
        row.executionId(),
        row.rootExecutionId(),
        row.resolved(),
        row.resolvedAt(),
        row.resolution(),
        row.resolutionNote(),
        row.replayExecutionId(),
        row.createdAt(),
        json(row.payloadJson()),
        json(row.errorsJson()));
  }

  private static JsonValue json(String text) {
    if (text == null) {
      return null;
    }
    try (var reader = Jsonp.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
