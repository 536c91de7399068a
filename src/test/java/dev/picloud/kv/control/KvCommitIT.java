package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.Jdbc;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The commit: events from the locked rows, versions, conflicts, and nothing left half-done. */
class KvCommitIT {
  private final KvDb kv = new KvDb();
  private final UUID app = kv.newApp();

  @Test
  void eventsCarryTheNewAndTheExactOldValue() {
    kv.put(app, "c", "updated", "{\"n\":1}", "deleted", "[1]");
    KvSession run = kv.session(app);
    run.set("c", "inserted", KvDb.json("\"new\""));
    run.set("c", "updated", KvDb.json("{\"n\":2}"));
    run.delete("c", "deleted");

    List<KvEvent> events = kv.commit(run);

    assertThat(events)
        .containsExactly(
            new KvEvent("c", "deleted", KvOp.DELETE, null, KvDb.json("[1]")),
            new KvEvent("c", "inserted", KvOp.INSERT, KvDb.json("\"new\""), null),
            new KvEvent(
                "c", "updated", KvOp.UPDATE, KvDb.json("{\"n\":2}"), KvDb.json("{\"n\":1}")));
    assertThat(kv.stored(app, "c", "updated")).contains("{\"n\": 2} v2");
    assertThat(kv.stored(app, "c", "inserted")).contains("\"new\" v1");
    assertThat(kv.stored(app, "c", "deleted")).isEmpty();
  }

  @Test
  void eventsComeOnePerKeyInCollectionAndKeyOrderWithTheNetChange() {
    KvSession run = kv.session(app);
    run.set("b", "k", KvDb.json("1"));
    run.set("a", "z", KvDb.json("1"));
    run.set("a", "y", KvDb.json("1"));
    run.set("a", "y", KvDb.json("2"));

    assertThat(kv.commit(run))
        .extracting(e -> e.collection() + "/" + e.key() + "=" + e.value())
        .containsExactly("a/y=2", "a/z=1", "b/k=1");
  }

  @Test
  void settingTheSameValueAgainIsAnUpdateWithAnEvent() {
    kv.put(app, "c", "k", "1");
    KvSession run = kv.session(app);
    run.set("c", "k", KvDb.json("1"));

    assertThat(kv.commit(run))
        .containsExactly(new KvEvent("c", "k", KvOp.UPDATE, KvDb.json("1"), KvDb.json("1")));
    assertThat(kv.stored(app, "c", "k")).contains("1 v2");
  }

  @Test
  void deletingWhatIsNotThereChangesNothingAndSaysNothing() {
    KvSession run = kv.session(app);
    run.delete("c", "never");
    run.set("c", "brief", KvDb.json("1"));
    run.delete("c", "brief");

    assertThat(kv.commit(run)).isEmpty();
    assertThat(kv.rows(app)).isZero();
  }

  @Test
  void aSessionWithoutWritesCommitsNothing() {
    KvSession run = kv.session(app);
    run.get("c", "k");

    assertThat(kv.commit(run)).isEmpty();
  }

  @Test
  void aSessionCommitsOnce() {
    KvSession run = kv.session(app);
    run.set("c", "k", KvDb.json("1"));
    kv.commit(run);

    assertThatThrownBy(() -> kv.commit(run)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> run.get("c", "k")).isInstanceOf(IllegalStateException.class);
    assertThat(kv.stored(app, "c", "k")).contains("1 v1");
  }

  @Test
  void aKeyReadAndWrittenByTwoRunsConflictsForTheSecondAndItLeavesNothing() {
    kv.put(app, "c", "counter", "0");
    KvSession first = kv.session(app);
    KvSession second = kv.session(app);
    increment(first);
    increment(second);
    second.set("c", "other", KvDb.json("\"partial\""));
    second.set("d", "fresh", KvDb.json("1"));

    kv.commit(first);

    assertThatThrownBy(() -> kv.commit(second))
        .isInstanceOf(KvConflict.class)
        .hasMessageContaining("c/counter changed since the run read it (version 1, now 2)");
    assertThat(kv.stored(app, "c", "counter")).contains("1 v2");
    assertThat(kv.stored(app, "c", "other")).isEmpty();
    assertThat(kv.stored(app, "d", "fresh")).isEmpty();
  }

  @Test
  void aKeyReadAsMissingConflictsWhenSomeoneCreatedIt() {
    KvSession run = kv.session(app);
    assertThat(run.has("c", "k")).isFalse();
    run.set("c", "k", KvDb.json("\"mine\""));

    kv.put(app, "c", "k", "\"theirs\"");

    assertThatThrownBy(() -> kv.commit(run)).isInstanceOf(KvConflict.class);
    assertThat(kv.stored(app, "c", "k")).contains("\"theirs\" v1");
  }

  @Test
  void blindWritesDoNotConflictTheLastCommitWins() {
    KvSession first = kv.session(app);
    KvSession second = kv.session(app);
    first.set("c", "k", KvDb.json("1"));
    second.set("c", "k", KvDb.json("2"));

    kv.commit(first);
    kv.commit(second);

    assertThat(kv.stored(app, "c", "k")).contains("2 v2");
  }

  @Test
  void readsOfKeysTheRunDoesNotWriteAreNotChecked() {
    kv.put(app, "c", "read", "1");
    KvSession run = kv.session(app);
    run.get("c", "read");
    run.set("c", "written", KvDb.json("1"));

    kv.put(app, "c", "read", "2");

    assertThat(kv.commit(run)).hasSize(1);
  }

  @Test
  void aConflictLeavesNoReservedRowEvenInATransactionThatGoesOnToCommit() throws Exception {
    kv.put(app, "c", "a", "1");
    KvSession run = kv.session(app);
    run.get("c", "a");
    run.set("c", "a", KvDb.json("2"));
    run.set("c", "b", KvDb.json("2"));
    kv.put(app, "c", "a", "3");

    try (Connection connection = kv.db.getConnection()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(() -> kv.store.commit(connection, run)).isInstanceOf(KvConflict.class);
      connection.commit();
    }

    assertThat(kv.stored(app, "c", "b")).isEmpty();
    assertThat(
            Jdbc.query(kv.db, "SELECT key FROM kv_entries WHERE version = 0", r -> r.getString(1)))
        .isEmpty();
  }

  @Test
  void deletingTheAppDeletesItsEntries() {
    kv.put(app, "c", "k", "1");

    Jdbc.update(kv.db, "DELETE FROM apps WHERE id = ?", app);

    assertThat(kv.rows(app)).isZero();
  }

  private static void increment(KvSession run) {
    JsonValue value = run.get("c", "counter").orElseThrow();
    run.set("c", "counter", KvDb.json(Integer.toString(Integer.parseInt(value.toString()) + 1)));
  }
}
