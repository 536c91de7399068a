package dev.picloud.deadletters.control;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.platform.control.KeysetCursor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads dead letters for the admin API and metrics, and builds the row selections the writes in
 * {@link DeadLetterResolutionStore} share. Every selection starts with {@code app_id = ?}: no
 * filter can reach another app's rows.
 */
@ApplicationScoped
public class DeadLetterStore {
  /** The list's columns: no payload and no history, which can be large. */
  private static final String SUMMARY =
      """
      id, app_id, original_event_id, source, op, trigger_id, script_id, attempt_count,
      first_attempt_at, last_attempt_at, last_error, execution_id, root_execution_id, resolved_at,
      resolution, resolution_note, replay_execution_id, created_at""";

  /**
   * Newest first, keyset-paged on (created_at, id): dead_letters_app_idx serves it, or the partial
   * dead_letters_unresolved_idx when only unresolved rows are asked for.
   */
  private static final String LIST =
      "SELECT " + SUMMARY + " FROM dead_letters WHERE %s ORDER BY created_at DESC, id DESC LIMIT ?";

  private static final String FIND =
      "SELECT "
          + SUMMARY
          + ", payload::text AS payload, errors::text AS errors"
          + " FROM dead_letters WHERE app_id = ? AND id = ?";

  /**
   * Unresolved is resolved_at IS NULL alone, so a row a failed handler marked handler_failed still
   * counts. Both counts come off the partial index of unresolved rows.
   */
  private static final String COUNT_UNRESOLVED =
      "SELECT count(*) FROM dead_letters WHERE app_id = ? AND resolved_at IS NULL";

  private static final String COUNT_ALL_UNRESOLVED =
      "SELECT count(*) FROM dead_letters WHERE resolved_at IS NULL";

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A WHERE clause over dead_letters and its bind values, in order. */
  record Selection(String sql, List<Object> params) {}

  /** Up to {@code limit} rows, newest first, after {@code cursor} when given. */
  public List<DeadLetter> list(
      UUID appId, DeadLetterFilter filter, KeysetCursor cursor, int limit) {
    Selection selection = matching(appId, filter);
    StringBuilder where = new StringBuilder(selection.sql());
    List<Object> params = new ArrayList<>(selection.params());
    if (cursor != null) {
      where.append(" AND (created_at, id) < (?, ?)");
      params.add(cursor.createdAt());
      params.add(cursor.id());
    }
    params.add(limit);
    return Jdbc.query(dataSource, LIST.formatted(where), row -> read(row, false), params.toArray());
  }

  /** One dead letter of the app with its payload and history. */
  public Optional<DeadLetter> find(UUID appId, UUID id) {
    return Jdbc.queryOne(dataSource, FIND, row -> read(row, true), appId, id);
  }

  public long countUnresolved(UUID appId) {
    return Jdbc.queryOne(dataSource, COUNT_UNRESOLVED, row -> row.getLong(1), appId).orElseThrow();
  }

  /** Unresolved dead letters of every app (the metric). */
  public long countAllUnresolved() {
    return Jdbc.queryOne(dataSource, COUNT_ALL_UNRESOLVED, row -> row.getLong(1)).orElseThrow();
  }

  /** The one row {@code id} of the app. */
  static Selection one(UUID appId, UUID id) {
    return new Selection("app_id = ? AND id = ?", List.of(appId, id));
  }

  /** The app's rows the filter matches. */
  static Selection matching(UUID appId, DeadLetterFilter filter) {
    StringBuilder sql = new StringBuilder("app_id = ?");
    List<Object> params = new ArrayList<>(List.of(appId));
    if (filter.unresolved() != null) {
      sql.append(filter.unresolved() ? " AND resolved_at IS NULL" : " AND resolved_at IS NOT NULL");
    }
    condition(sql, params, " AND source = ?", filter.source());
    condition(sql, params, " AND trigger_id = ?", filter.triggerId());
    condition(sql, params, " AND script_id = ?", filter.scriptId());
    // strpos, not LIKE: the caller's text is matched literally, % and _ included.
    condition(
        sql, params, " AND strpos(lower(last_error), lower(?::text)) > 0", filter.errorContains());
    condition(sql, params, " AND created_at >= ?", filter.createdAfter());
    condition(sql, params, " AND created_at < ?", filter.createdBefore());
    return new Selection(sql.toString(), params);
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      params.add(value);
    }
  }

  private static DeadLetter read(ResultSet row, boolean detail) throws SQLException {
    return new DeadLetter(
        row.getObject("id", UUID.class),
        row.getObject("app_id", UUID.class),
        row.getObject("original_event_id", UUID.class),
        row.getString("source"),
        row.getString("op"),
        row.getObject("trigger_id", UUID.class),
        row.getObject("script_id", UUID.class),
        row.getInt("attempt_count"),
        Jdbc.instant(row, "first_attempt_at"),
        Jdbc.instant(row, "last_attempt_at"),
        row.getString("last_error"),
        row.getObject("execution_id", UUID.class),
        row.getObject("root_execution_id", UUID.class),
        Jdbc.instant(row, "resolved_at"),
        row.getString("resolution"),
        row.getString("resolution_note"),
        row.getObject("replay_execution_id", UUID.class),
        Jdbc.instant(row, "created_at"),
        detail ? row.getString("payload") : null,
        detail ? row.getString("errors") : null);
  }
}
