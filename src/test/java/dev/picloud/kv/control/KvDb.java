package dev.picloud.kv.control;

import dev.picloud.auth.control.Caller;
import dev.picloud.platform.control.Jdbc;
import dev.picloud.testing.TestDatabase;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The KV store on the migrated test database, with the fixtures the KV tests share: fresh apps and
 * users, sessions, and commits in a plain JDBC transaction the test owns (as a dispatcher's
 * transaction would be).
 */
final class KvDb {
  /** Sessions read through one connection, as through a pool; commits open their own. */
  private static final DataSource READS = pinned();

  final DataSource db = TestDatabase.get();
  final KvStore store = new KvStore(READS);

  UUID newApp() {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        "INSERT INTO apps (id, slug, name) VALUES (?, ?, 'kv test')",
        id,
        "kv-" + id.toString().substring(0, 8));
    return id;
  }

  /** A member user (not an owner) with a session credential; {@code role} null for none. */
  Caller member(UUID app, String role) {
    UUID id = UUID.randomUUID();
    String name = "kv-" + id.toString().substring(0, 8);
    Jdbc.update(
        db,
        "INSERT INTO users (id, username, password_hash, instance_role) VALUES (?, ?, 'x', 'member')",
        id,
        name);
    if (role != null) {
      Jdbc.update(
          db, "INSERT INTO app_members (app_id, user_id, role) VALUES (?, ?, ?)", app, id, role);
    }
    return Caller.session(id, name, false, UUID.randomUUID());
  }

  KvSession session(UUID app) {
    return new KvSession(app, Optional.empty(), store);
  }

  /** Commits in a JDBC transaction of its own; rolls back when the commit throws. */
  List<KvEvent> commit(KvSession session) {
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<KvEvent> events = store.commit(connection, session);
        connection.commit();
        return events;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes entries through committed sessions of at most 500 writes each. */
  void put(UUID app, String collection, String... keysAndJson) {
    for (int start = 0; start < keysAndJson.length; start += 1_000) {
      KvSession session = session(app);
      for (int i = start; i < Math.min(start + 1_000, keysAndJson.length); i += 2) {
        session.set(collection, keysAndJson[i], json(keysAndJson[i + 1]));
      }
      commit(session);
    }
  }

  /** The stored JSON text (as PostgreSQL prints JSONB) and version, or empty. */
  Optional<String> stored(UUID app, String collection, String key) {
    return Jdbc.queryOne(
        db,
        "SELECT value::text || ' v' || version FROM kv_entries"
            + " WHERE app_id = ? AND collection = ? AND key = ?",
        row -> row.getString(1),
        app,
        collection,
        key);
  }

  int rows(UUID app) {
    return Jdbc.queryOne(
            db, "SELECT count(*) FROM kv_entries WHERE app_id = ?", row -> row.getInt(1), app)
        .orElseThrow();
  }

  private static DataSource pinned() {
    try {
      return new PinnedDataSource(TestDatabase.get().getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonValue json(String text) {
    return KvJson.parse(text);
  }
}
