package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.PendingRow;
import dev.picloud.platform.control.Jsonp;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** A pending outbox row: what it will run, its attempts, when it is next due, its errors. */
public record OutboxRowView(
    UUID id,
    String sourceKind,
    UUID triggerId,
    UUID scriptId,
    UUID executionId,
    UUID rootExecutionId,
    int triggerDepth,
    boolean sync,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant leaseExpiresAt,
    String lastError,
    JsonValue errors,
    Instant createdAt) {
  public static OutboxRowView of(PendingRow row) {
    return new OutboxRowView(
        row.id(),
        row.sourceKind().wire(),
        row.triggerId(),
        row.scriptId(),
        row.executionId(),
        row.rootExecutionId(),
        row.triggerDepth(),
        row.sync(),
        row.attemptCount(),
        row.nextAttemptAt(),
        row.claimedBy(),
        row.leaseExpiresAt(),
        row.lastError(),
        Jsonp.createReader(new StringReader(row.errorsJson())).readValue(),
        row.createdAt());
  }
}
