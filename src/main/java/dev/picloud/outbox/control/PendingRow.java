package dev.picloud.outbox.control;

import dev.picloud.platform.control.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A queued row as the admin API and operators see it: attempts used, when it is next due, who holds
 * it, the last error and the whole history ({@code errorsJson}, a JSON array). No payload.
 */
public record PendingRow(
    UUID id,
    UUID appId,
    SourceKind sourceKind,
    UUID triggerId,
    UUID scriptId,
    UUID executionId,
    UUID rootExecutionId,
    int triggerDepth,
    boolean sync,
    int attemptCount,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedAt,
    Instant leaseExpiresAt,
    String lastError,
    String errorsJson,
    Instant createdAt) {

  static final String COLUMNS =
      """
      id, app_id, source_kind, trigger_id, script_id, execution_id, root_execution_id,
      trigger_depth, reply_to IS NOT NULL AS sync, attempt_count, next_attempt_at, claimed_by,
      claimed_at, lease_expires_at, errors -> -1 ->> 'error' AS last_error, errors::text AS errors,
      created_at""";

  static PendingRow read(ResultSet row) throws SQLException {
    return new PendingRow(
        row.getObject("id", UUID.class),
        row.getObject("app_id", UUID.class),
        SourceKind.fromWire(row.getString("source_kind")),
        row.getObject("trigger_id", UUID.class),
        row.getObject("script_id", UUID.class),
        row.getObject("execution_id", UUID.class),
        row.getObject("root_execution_id", UUID.class),
        row.getInt("trigger_depth"),
        row.getBoolean("sync"),
        row.getInt("attempt_count"),
        Jdbc.instant(row, "next_attempt_at"),
        row.getString("claimed_by"),
        Jdbc.instant(row, "claimed_at"),
        Jdbc.instant(row, "lease_expires_at"),
        row.getString("last_error"),
        row.getString("errors"),
        Jdbc.instant(row, "created_at"));
  }
}
