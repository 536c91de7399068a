package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The outbox stores wired to the test database, with the steps and reads the ITs share. The queue
 * is global (a claim takes any app's rows), so each test starts from an empty one.
 */
final class OutboxDb {
  static final Duration LONG_LEASE = Duration.ofMinutes(5);

  final DataSource db = TestDatabase.get();
  final OutboxStore store = new OutboxStore();
  final OutboxSettles settles = new OutboxSettles();
  final OutboxRecovery recovery = new OutboxRecovery();
  final OutboxReads reads = new OutboxReads();
  final AbandonedExecutionStore abandoned = new AbandonedExecutionStore();

  OutboxDb() {
    store.dataSource = db;
    settles.dataSource = db;
    recovery.dataSource = db;
    reads.dataSource = db;
    abandoned.dataSource = db;
    Jdbc.update(db, "DELETE FROM outbox");
  }

  UUID newApp() {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        "INSERT INTO apps (id, slug, name) VALUES (?, ?, 'outbox test')",
        id,
        "a" + id.toString().substring(0, 8));
    return id;
  }

  /** A script of {@code appId} named {@code name}, version 1, with no timeout of its own. */
  UUID newScript(UUID appId, String name, String source) {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        "INSERT INTO scripts (id, app_id, name, source, limits) VALUES (?, ?, ?, ?, '{\"operations\": 5}')",
        id,
        appId,
        name,
        source);
    return id;
  }

  UUID insert(NewRows row) {
    return store.insert(row.build()).id();
  }

  /** Enqueues the rows in one statement; their ids, in the order given. */
  List<UUID> insertAll(List<NewOutboxRow> rows) {
    return store.insertAll(rows).stream().map(OutboxStore.Inserted::id).toList();
  }

  /** Enqueues {@code count} due async rows of {@code app}, at most 5,000 to a statement. */
  void enqueue(UUID app, int count) {
    for (int left = count; left > 0; left -= 5_000) {
      insertAll(
          IntStream.range(0, Math.min(left, 5_000))
              .mapToObj(n -> NewRows.async(app).build())
              .toList());
    }
  }

  /** Claims with a long lease and expects exactly one row. */
  ClaimedRow claimOne(String node) {
    return claimOne(node, LONG_LEASE);
  }

  ClaimedRow claimOne(String node, Duration lease) {
    List<ClaimedRow> claimed = claimRows(node, 10, lease);
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  /** A claim's rows, without the scripts it read with them. */
  List<ClaimedRow> claimRows(String node, int max, Duration lease) {
    return store.claim(node, max, lease).stream().map(RunnableRow::row).toList();
  }

  PendingRow row(UUID appId, UUID id) {
    return reads.find(appId, id).orElseThrow();
  }

  static JsonArray json(String array) {
    return Json.createReader(new StringReader(array)).readArray();
  }

  static JsonObject jsonObject(String object) {
    return Json.createReader(new StringReader(object)).readObject();
  }

  int count(String sql, Object... params) {
    return Jdbc.queryOne(db, sql, r -> r.getInt(1), params).orElseThrow();
  }

  /** Polls until {@code probe} returns a non-empty list (a state, not a duration, is awaited). */
  static <T> List<T> awaitNonEmpty(Supplier<List<T>> probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<T> found = probe.get();
      if (!found.isEmpty()) {
        return found;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the awaited state did not come about");
  }
}
