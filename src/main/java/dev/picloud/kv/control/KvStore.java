package dev.picloud.kv.control;

import dev.picloud.auth.control.AppRole;
import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code kv_entries}. Reads run on their own short connection (a script's reads hold no lock and
 * see committed data); a commit applies a session's writes on the caller's connection, inside the
 * caller's transaction, through {@link KvCommit}. It never begins or ends a transaction.
 */
@ApplicationScoped
public class KvStore {
  private static final String FIND =
      "SELECT value, version FROM kv_entries WHERE app_id = ? AND collection = ? AND key = ?";

  private static final String VERSION =
      "SELECT version FROM kv_entries WHERE app_id = ? AND collection = ? AND key = ?";

  /**
   * A range scan of the primary key in "C" order. No key is empty, so {@code key > ''} starts at
   * the first key.
   */
  private static final String KEYS_AFTER =
      """
      SELECT key, version FROM kv_entries
      WHERE app_id = ? AND collection = ? AND key > ?
      ORDER BY key
      LIMIT ?
      """;

  /** The principal's role as it is now: trigger runs act with their user's current role. */
  private static final String ROLE =
      "SELECT role FROM app_members WHERE app_id = ? AND user_id = ?";

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  public KvStore() {}

  /** A store outside a container (tests, benchmarks). */
  public KvStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** An entry as stored. */
  record Stored(JsonValue value, long version) {}

  /** A key of a list page and its version. */
  record StoredKey(String key, long version) {}

  /**
   * Applies the session's writes with the container's connection, so they join the caller's JTA
   * transaction, and returns the events. A session commits once.
   *
   * @throws KvConflict when a key the run read and wrote changed meanwhile; roll back
   */
  public List<KvEvent> commit(KvSession session) {
    try (Connection connection = dataSource.getConnection()) {
      return commit(connection, session);
    } catch (SQLException e) {
      throw new Jdbc.DataAccessException(e);
    }
  }

  /**
   * Applies the session's writes on a connection whose transaction the caller owns (auto-commit
   * off), and returns the events. A session commits once.
   *
   * @throws KvConflict when a key the run read and wrote changed meanwhile; roll back
   */
  public List<KvEvent> commit(Connection connection, KvSession session) {
    try {
      return KvCommit.apply(connection, session.appId(), session.takeWrites());
    } catch (SQLException e) {
      throw new Jdbc.DataAccessException(e);
    }
  }

  Optional<Stored> find(UUID appId, String collection, String key) {
    return Jdbc.queryOne(
        dataSource,
        FIND,
        row -> new Stored(KvJson.parse(row.getString("value")), row.getLong("version")),
        appId,
        collection,
        key);
  }

  /** The key's version, or {@link KvWrite#ABSENT}. */
  long version(UUID appId, String collection, String key) {
    return Jdbc.queryOne(dataSource, VERSION, row -> row.getLong(1), appId, collection, key)
        .orElse(KvWrite.ABSENT);
  }

  /** Up to {@code limit} keys after {@code key} (from the first when null), ascending. */
  List<StoredKey> keysAfter(UUID appId, String collection, String key, int limit) {
    return Jdbc.query(
        dataSource,
        KEYS_AFTER,
        row -> new StoredKey(row.getString("key"), row.getLong("version")),
        appId,
        collection,
        key == null ? "" : key,
        limit);
  }

  Optional<AppRole> role(UUID appId, UUID userId) {
    return Jdbc.queryOne(dataSource, ROLE, row -> row.getString(1), appId, userId)
        .flatMap(AppRole::fromWire);
  }
}
