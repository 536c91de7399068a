package dev.picloud.kv.control;

import dev.picloud.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One commit of a run's writes, in the caller's transaction: lock every written key, check the
 * versions the run read, write, and derive the events from the rows as they were under the lock.
 */
final class KvCommit {
  /**
   * Locks every written key in one statement, in (collection, key) "C" order, so two commits over
   * overlapping keys always queue in the same order and never deadlock. An existing row is locked
   * by the no-op DO UPDATE and returned as it is (value and version before this commit); a missing
   * key gets a reserved row with version 0, whose unique-index entry makes a concurrent commit of
   * the same key wait here too. (Locking only the existing rows FOR UPDATE and inserting later
   * would let a third transaction's insert between the two steps close a lock cycle.) Reserved rows
   * are rewritten or deleted before {@link #apply} returns or throws.
   */
  private static final String LOCK =
      """
      INSERT INTO kv_entries AS e (app_id, collection, key, value, version)
      SELECT ?, w.collection, w.key, 'null'::jsonb, 0
      FROM unnest(?::text[], ?::text[]) AS w(collection, key)
      ORDER BY w.collection COLLATE "C", w.key COLLATE "C"
      ON CONFLICT (app_id, collection, key) DO UPDATE SET version = e.version
      RETURNING e.collection, e.key, e.value, e.version
      """;

  /** Rows this transaction holds: a reserved row becomes version 1, others move on by one. */
  private static final String UPDATE =
      """
      UPDATE kv_entries e
      SET value = w.value::jsonb, version = e.version + 1, updated_at = now()
      FROM unnest(?::text[], ?::text[], ?::text[]) AS w(collection, key, value)
      WHERE e.app_id = ? AND e.collection = w.collection AND e.key = w.key
      """;

  private static final String DELETE =
      """
      DELETE FROM kv_entries e
      USING unnest(?::text[], ?::text[]) AS d(collection, key)
      WHERE e.app_id = ? AND e.collection = d.collection AND e.key = d.key
      """;

  private KvCommit() {}

  static List<KvEvent> apply(Connection connection, UUID appId, List<KvWrite> writes)
      throws SQLException {
    if (writes.isEmpty()) {
      return List.of();
    }
    Map<String, KvStore.Stored> before = lock(connection, appId, writes);
    for (KvWrite write : writes) {
      long found = before.get(name(write)).version();
      if (write.seenVersion() != KvWrite.NOT_READ && write.seenVersion() != found) {
        delete(connection, appId, reserved(writes, before));
        throw new KvConflict(write.collection(), write.key(), write.seenVersion(), found);
      }
    }
    List<KvWrite> sets = writes.stream().filter(w -> !w.deletes()).toList();
    if (!sets.isEmpty()) {
      execute(
          connection,
          UPDATE,
          sets.stream().map(KvWrite::collection).toList(),
          sets.stream().map(KvWrite::key).toList(),
          sets.stream().map(KvWrite::text).toList(),
          appId);
    }
    delete(connection, appId, writes.stream().filter(KvWrite::deletes).toList());
    return events(writes, before);
  }

  private static Map<String, KvStore.Stored> lock(
      Connection connection, UUID appId, List<KvWrite> writes) throws SQLException {
    Map<String, KvStore.Stored> rows = new HashMap<>();
    try (PreparedStatement statement =
            Jdbc.prepare(
                connection,
                LOCK,
                appId,
                writes.stream().map(KvWrite::collection).toList(),
                writes.stream().map(KvWrite::key).toList());
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        rows.put(
            name(row.getString("collection"), row.getString("key")),
            new KvStore.Stored(KvJson.parse(row.getString("value")), row.getLong("version")));
      }
    }
    return rows;
  }

  private static void delete(Connection connection, UUID appId, List<KvWrite> writes)
      throws SQLException {
    if (!writes.isEmpty()) {
      execute(
          connection,
          DELETE,
          writes.stream().map(KvWrite::collection).toList(),
          writes.stream().map(KvWrite::key).toList(),
          appId);
    }
  }

  private static List<KvWrite> reserved(List<KvWrite> writes, Map<String, KvStore.Stored> before) {
    return writes.stream().filter(w -> before.get(name(w)).version() == KvWrite.ABSENT).toList();
  }

  /** The net change per key; deleting a key that was not there changes nothing and says nothing. */
  private static List<KvEvent> events(List<KvWrite> writes, Map<String, KvStore.Stored> before) {
    List<KvEvent> events = new ArrayList<>();
    for (KvWrite write : writes) {
      KvStore.Stored old = before.get(name(write));
      boolean existed = old.version() != KvWrite.ABSENT;
      if (write.deletes()) {
        if (existed) {
          events.add(new KvEvent(write.collection(), write.key(), KvOp.DELETE, null, old.value()));
        }
      } else {
        events.add(
            new KvEvent(
                write.collection(),
                write.key(),
                existed ? KvOp.UPDATE : KvOp.INSERT,
                write.value(),
                existed ? old.value() : null));
      }
    }
    return List.copyOf(events);
  }

  private static void execute(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = Jdbc.prepare(connection, sql, params)) {
      statement.executeUpdate();
    }
  }

  /** Names hold no U+0000 (KvRules), so NUL joins collection and key unambiguously. */
  private static String name(KvWrite write) {
    return name(write.collection(), write.key());
  }

  private static String name(String collection, String key) {
    return collection + '\0' + key;
  }
}
