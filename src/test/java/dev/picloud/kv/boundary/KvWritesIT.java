package dev.picloud.kv.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.kv.control.KvEvent;
import dev.picloud.kv.control.KvOp;
import dev.picloud.kv.control.KvSession;
import dev.picloud.kv.control.KvStore;
import dev.picloud.kv.control.PinnedDataSource;
import dev.picloud.platform.control.Jdbc;
import dev.picloud.testing.TestDatabase;
import jakarta.json.Json;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KvWrites} in a transaction the test owns (as the dispatcher's or the admin facade's):
 * {@link KvChanged} is fired inside it, after the writes, so what an observer writes commits or
 * rolls back with the data.
 */
class KvWritesIT {
  private final DataSource db = TestDatabase.get();
  private final UUID app = UUID.randomUUID();
  private final List<Long> rowsSeenByObserver = new ArrayList<>();
  private Connection transaction;
  private KvStore store;

  @BeforeEach
  void openTransaction() throws Exception {
    Jdbc.update(db, "INSERT INTO apps (id, slug, name) VALUES (?, ?, 'kv')", app, slug());
    transaction = db.getConnection();
    transaction.setAutoCommit(false);
    store = new KvStore(new PinnedDataSource(transaction));
  }

  @AfterEach
  void close() throws Exception {
    transaction.close();
  }

  @Test
  void aCommitFiresKvChangedInsideTheTransactionWithItsEventsAndContext() throws Exception {
    KvChangeContext context = new KvChangeContext(UUID.randomUUID(), 2, UUID.randomUUID());
    RecordedEvents<KvChanged> events = new RecordedEvents<>(countRowsInTransaction());
    KvSession session = new KvSession(app, Optional.empty(), store);
    session.set("c", "k", Json.createValue("v"));

    List<KvEvent> result = writes(events).commit(session, context);

    assertThat(events.fired)
        .containsExactly(
            new KvChanged(
                app,
                List.of(new KvEvent("c", "k", KvOp.INSERT, Json.createValue("v"), null)),
                context));
    assertThat(result).isEqualTo(events.fired.get(0).events());
    assertThat(rowsSeenByObserver).containsExactly(1L);
    assertThat(committedRows()).as("not committed before the caller commits").isZero();
    transaction.commit();
    assertThat(committedRows()).isOne();
  }

  @Test
  void aCommitThatChangesNothingFiresNothing() {
    RecordedEvents<KvChanged> events = new RecordedEvents<>(e -> {});
    KvSession session = new KvSession(app, Optional.empty(), store);
    session.delete("c", "absent");

    assertThat(writes(events).commit(session, new KvChangeContext(UUID.randomUUID(), 0, null)))
        .isEmpty();
    assertThat(events.fired).isEmpty();
  }

  @Test
  void anObserverThatFailsFailsTheCommitSoTheCallerRollsBack() throws Exception {
    RecordedEvents<KvChanged> events =
        new RecordedEvents<>(
            e -> {
              throw new IllegalStateException("fan-out failed");
            });
    KvSession session = new KvSession(app, Optional.empty(), store);
    session.set("c", "k", Json.createValue(1));

    assertThatThrownBy(
            () -> writes(events).commit(session, new KvChangeContext(UUID.randomUUID(), 0, null)))
        .hasMessage("fan-out failed");
    transaction.rollback();
    assertThat(committedRows()).isZero();
  }

  private KvWrites writes(RecordedEvents<KvChanged> events) {
    KvWrites writes = new KvWrites();
    writes.store = store;
    writes.changed = events;
    return writes;
  }

  private Consumer<KvChanged> countRowsInTransaction() {
    return e ->
        rowsSeenByObserver.add(
            Jdbc.queryOne(
                    new PinnedDataSource(transaction),
                    "SELECT count(*) FROM kv_entries WHERE app_id = ?",
                    r -> r.getLong(1),
                    app)
                .orElseThrow());
  }

  private long committedRows() {
    return Jdbc.queryOne(
            db, "SELECT count(*) FROM kv_entries WHERE app_id = ?", r -> r.getLong(1), app)
        .orElseThrow();
  }

  private String slug() {
    return "kvw-" + app.toString().substring(0, 8);
  }
}
