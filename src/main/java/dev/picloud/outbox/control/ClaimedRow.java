package dev.picloud.outbox.control;

import dev.picloud.platform.control.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A row this node now owns until {@code leaseExpiresAt} (database clock). {@code attemptCount}
 * already includes this attempt. Settle it through {@link OutboxSettles} with {@link #claim()}.
 */
public record ClaimedRow(
    UUID id,
    UUID appId,
    SourceKind sourceKind,
    UUID triggerId,
    UUID scriptId,
    UUID replyTo,
    String replyNode,
    String payloadJson,
    String originPrincipalJson,
    int triggerDepth,
    UUID executionId,
    UUID rootExecutionId,
    int attemptCount,
    String idempotencyKey,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant claimedAt,
    Instant leaseExpiresAt,
    Claim claim) {

  public boolean sync() {
    return replyTo != null;
  }

  static ClaimedRow read(ResultSet row) throws SQLException {
    UUID id = row.getObject("id", UUID.class);
    return new ClaimedRow(
        id,
        row.getObject("app_id", UUID.class),
        SourceKind.fromWire(row.getString("source_kind")),
        row.getObject("trigger_id", UUID.class),
        row.getObject("script_id", UUID.class),
        row.getObject("reply_to", UUID.class),
        row.getString("reply_node"),
        row.getString("payload"),
        row.getString("origin_principal"),
        row.getInt("trigger_depth"),
        row.getObject("execution_id", UUID.class),
        row.getObject("root_execution_id", UUID.class),
        row.getInt("attempt_count"),
        row.getString("idempotency_key"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "next_attempt_at"),
        Jdbc.instant(row, "claimed_at"),
        Jdbc.instant(row, "lease_expires_at"),
        new Claim(id, row.getString("claimed_by"), row.getLong("claim_epoch")));
  }
}
