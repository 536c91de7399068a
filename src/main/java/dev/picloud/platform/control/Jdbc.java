package dev.picloud.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The little plain JDBC that feature stores share: bind parameters (Instants as UTC timestamps,
 * collections as text arrays), map rows, and turn {@link SQLException} into an unchecked failure.
 * Inside a JTA transaction the container enlists the connection, so statements join it.
 */
public final class Jdbc {
  /** Maps the current row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Jdbc() {}

  public static <T> List<T> query(
      DataSource ds, String sql, RowMapper<T> mapper, Object... params) {
    try (Connection connection = ds.getConnection();
        PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  public static <T> Optional<T> queryOne(
      DataSource ds, String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(ds, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public static int update(DataSource ds, String sql, Object... params) {
    try (Connection connection = ds.getConnection();
        PreparedStatement statement = prepare(connection, sql, params)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  public static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    bind(statement, params);
    return statement;
  }

  /** Binds {@code params} to the statement's placeholders, in order. */
  public static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, bindable(statement.getConnection(), params[i]));
    }
  }

  private static Object bindable(Connection connection, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof Collection<?> items) {
      return connection.createArrayOf("text", items.stream().map(String::valueOf).toArray());
    }
    return value;
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static List<String> textArray(ResultSet row, String column) throws SQLException {
    java.sql.Array array = row.getArray(column);
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  /** A database failure no caller can correct; answered as a platform fault. */
  public static class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
