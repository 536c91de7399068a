package dev.picloud.logs.control;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.platform.control.KeysetCursor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Execution log rows: batched inserts, keyset-paged reads. */
@ApplicationScoped
public class ExecutionLogStore {
  private static final String INSERT =
      """
      INSERT INTO execution_logs (id, app_id, script_id, execution_id, root_execution_id, trigger_id,
        route_id, invocation, attempt, status, request, response_code, response_body, logs, error,
        duration_ms, queued_ms, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
      """;

  private static final String SUMMARY_COLUMNS =
      """
      id, app_id, script_id, execution_id, root_execution_id, trigger_id, route_id, invocation, attempt,
      status, response_code, error, duration_ms, queued_ms, created_at,
      jsonb_path_query_array(logs, '$[0 to 2]')::text AS logs
      """;

  private static final String DETAIL_COLUMNS =
      """
      id, app_id, script_id, execution_id, root_execution_id, trigger_id, route_id, invocation, attempt,
      status, response_code, error, duration_ms, queued_ms, created_at, logs::text AS logs,
      request::text AS request, response_body
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** Filters of the list endpoint; null means any. */
  public record Filter(UUID scriptId, String status, UUID rootExecutionId) {}

  /** Writes the rows in one transaction (one round trip with the driver's batch rewriting). */
  public void insert(List<ExecutionLog> rows) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (ExecutionLog row : rows) {
          bind(insert, row);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Newest first, after {@code cursor} when given. */
  public List<ExecutionLog> list(UUID appId, Filter filter, KeysetCursor cursor, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(SUMMARY_COLUMNS)
            .append(" FROM execution_logs WHERE app_id = ?");
    List<Object> params = new ArrayList<>(List.of(appId));
    condition(sql, params, " AND script_id = ?", filter.scriptId());
    condition(sql, params, " AND status = ?", filter.status());
    condition(sql, params, " AND root_execution_id = ?", filter.rootExecutionId());
    if (cursor != null) {
      sql.append(" AND (created_at, id) < (?, ?)");
      params.add(cursor.createdAt());
      params.add(cursor.id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
    params.add(limit);
    return Jdbc.query(dataSource, sql.toString(), row -> read(row, false), params.toArray());
  }

  /** A log by its row id, or the latest attempt of an execution id, within one app. */
  public Optional<ExecutionLog> find(UUID appId, UUID id) {
    return Jdbc.queryOne(
        dataSource,
        "SELECT "
            + DETAIL_COLUMNS
            + " FROM execution_logs WHERE app_id = ? AND (id = ? OR execution_id = ?)"
            + " ORDER BY (id = ?) DESC, attempt DESC LIMIT 1",
        row -> read(row, true),
        appId,
        id,
        id,
        id);
  }

  private static Long queuedMs(ResultSet row) throws SQLException {
    Number value = (Number) row.getObject("queued_ms");
    return value == null ? null : value.longValue();
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      params.add(value);
    }
  }

  private static void bind(PreparedStatement insert, ExecutionLog row) throws SQLException {
    Object[] values = {
      row.id(),
      row.appId(),
      row.scriptId(),
      row.executionId(),
      row.rootExecutionId(),
      row.triggerId(),
      row.routeId(),
      row.invocation(),
      row.attempt(),
      row.status(),
      row.requestJson(),
      row.responseCode(),
      row.responseBody(),
      row.logsJson(),
      row.error(),
      row.durationMs(),
      row.queuedMs(),
      row.createdAt(),
      row.createdAt()
    };
    Jdbc.bind(insert, values);
  }

  private static ExecutionLog read(ResultSet row, boolean detail) throws SQLException {
    return new ExecutionLog(
        row.getObject("id", UUID.class),
        row.getObject("app_id", UUID.class),
        row.getObject("script_id", UUID.class),
        row.getObject("execution_id", UUID.class),
        row.getObject("root_execution_id", UUID.class),
        row.getObject("trigger_id", UUID.class),
        row.getObject("route_id", UUID.class),
        row.getString("invocation"),
        row.getInt("attempt"),
        row.getString("status"),
        detail ? row.getString("request") : null,
        (Integer) row.getObject("response_code"),
        detail ? row.getString("response_body") : null,
        row.getString("logs"),
        row.getString("error"),
        row.getLong("duration_ms"),
        queuedMs(row),
        Jdbc.instant(row, "created_at"));
  }
}
