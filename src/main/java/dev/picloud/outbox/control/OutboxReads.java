package dev.picloud.outbox.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Read models of the queue for the admin API and metrics; they never lock or change a row. */
@ApplicationScoped
public class OutboxReads {
  /** Oldest first, keyset-paged on (created_at, id); outbox_app_idx gives (app_id, created_at). */
  private static final String PENDING_FIRST =
      "SELECT "
          + PendingRow.COLUMNS
          + " FROM outbox WHERE app_id = ? ORDER BY created_at, id LIMIT ?";

  private static final String PENDING_AFTER =
      "SELECT "
          + PendingRow.COLUMNS
          + " FROM outbox WHERE app_id = ? AND (created_at, id) > (?, ?)"
          + " ORDER BY created_at, id LIMIT ?";

  /** By row id or by execution id (what an async caller was given), always within one app. */
  private static final String FIND =
      "SELECT "
          + PendingRow.COLUMNS
          + " FROM outbox WHERE app_id = ? AND (id = ? OR execution_id = ?)";

  /** How long the oldest due, unclaimed row has waited; the min comes off outbox_due_idx. */
  private static final String OLDEST_DUE_AGE =
      """
      SELECT COALESCE(
        floor(extract(epoch FROM statement_timestamp() - min(next_attempt_at)) * 1000), 0)::bigint
      FROM outbox
      WHERE claimed_by IS NULL AND next_attempt_at <= statement_timestamp()
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** Where the previous page ended. */
  public record Position(Instant createdAt, UUID id) {}

  /** Up to {@code limit} rows of the app after {@code after} (null: from the start). */
  public List<PendingRow> pendingForApp(UUID appId, Position after, int limit) {
    if (after == null) {
      return Jdbc.query(dataSource, PENDING_FIRST, PendingRow::read, appId, limit);
    }
    return Jdbc.query(
        dataSource, PENDING_AFTER, PendingRow::read, appId, after.createdAt(), after.id(), limit);
  }

  public Optional<PendingRow> find(UUID appId, UUID idOrExecutionId) {
    return Jdbc.queryOne(
        dataSource, FIND, PendingRow::read, appId, idOrExecutionId, idOrExecutionId);
  }

  /** Every row in the queue, claimed or not. */
  public long depth() {
    return Jdbc.queryOne(dataSource, "SELECT count(*) FROM outbox", row -> row.getLong(1))
        .orElseThrow();
  }

  /** Milliseconds the oldest due, unclaimed row has waited (database clock); 0 when none. */
  public long oldestDueAgeMillis() {
    return Jdbc.queryOne(dataSource, OLDEST_DUE_AGE, row -> row.getLong(1)).orElseThrow();
  }
}
