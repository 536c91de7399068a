package dev.picloud.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.deadletters.control.DeadLetterResolutionStore.Replayed;
import dev.picloud.deadletters.entity.Resolution;
import dev.picloud.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replay and resolve: one statement each, only unresolved rows, each row exactly once. */
class DeadLetterResolutionStoreIT {
  private static final String ORIGIN = "{\"user_id\": \"u-1\", \"username\": \"ada\"}";
  private static final ResolutionRequest IGNORED =
      new ResolutionRequest(Resolution.IGNORED, "known outage");

  private final DeadLetterDb dl = new DeadLetterDb();
  private final UUID app = dl.newApp();

  @AfterEach
  void dropApps() {
    dl.dropApps();
  }

  @Test
  void replayEnqueuesAFreshRowAndMarksTheDeadLetterReplayedInOneStatement() {
    UUID trigger = UUID.randomUUID();
    UUID script = UUID.randomUUID();
    UUID id =
        DeadLetterRows.of(app)
            .source("kv", "update")
            .trigger(trigger)
            .script(script)
            .payload("{\"kv\": {\"key\": \"k\"}}")
            .handlerFailed()
            .insert(dl.db);

    Replayed replayed = dl.resolutions.replayOne(app, id, ORIGIN).orElseThrow();

    Map<String, Object> row =
        Jdbc.queryOne(
                dl.db,
                """
                SELECT source_kind, trigger_id, script_id, payload::text AS payload, attempt_count,
                  trigger_depth, execution_id, root_execution_id, reply_to, idempotency_key,
                  claimed_by, origin_principal ->> 'username' AS who,
                  (origin_principal ->> 'replay_of')::uuid AS replay_of
                FROM outbox WHERE id = ?
                """,
                r ->
                    Map.<String, Object>of(
                        "kind", r.getString("source_kind"),
                        "trigger", r.getObject("trigger_id"),
                        "script", r.getObject("script_id"),
                        "payload", r.getString("payload"),
                        "attempts", r.getInt("attempt_count"),
                        "depth", r.getInt("trigger_depth"),
                        "execution", r.getObject("execution_id"),
                        "root", r.getObject("root_execution_id"),
                        "who", r.getString("who"),
                        "replay_of", r.getObject("replay_of")),
                replayed.outboxId())
            .orElseThrow();
    assertThat(row)
        .containsEntry("kind", "kv")
        .containsEntry("trigger", trigger)
        .containsEntry("script", script)
        .containsEntry("payload", "{\"kv\": {\"key\": \"k\"}}")
        .containsEntry("attempts", 0)
        .containsEntry("depth", 0)
        .containsEntry("execution", replayed.executionId())
        .containsEntry("root", replayed.executionId())
        .containsEntry("who", "ada")
        .containsEntry("replay_of", id);
    assertThat(
            dl.count(
                "SELECT count(*) FROM outbox WHERE id = ? AND reply_to IS NULL"
                    + " AND idempotency_key IS NULL AND claimed_by IS NULL",
                replayed.outboxId()))
        .isOne();

    DeadLetter after = dl.store.find(app, id).orElseThrow();
    assertThat(after.resolved()).isTrue();
    assertThat(after.resolution()).isEqualTo("replayed");
    assertThat(after.resolutionNote()).isNull();
    assertThat(after.replayExecutionId()).isEqualTo(replayed.executionId());
    assertThat(replayed.executionId()).isNotEqualTo(after.executionId());
  }

  @Test
  void aResolvedRowIsNeitherReplayedNorResolvedAgain() {
    UUID id = DeadLetterRows.of(app).resolved("ignored").insert(dl.db);

    assertThat(dl.resolutions.replayOne(app, id, ORIGIN)).isEmpty();
    assertThat(dl.resolutions.resolveOne(app, id, IGNORED)).isFalse();
    assertThat(dl.count("SELECT count(*) FROM outbox WHERE app_id = ?", app)).isZero();
  }

  @Test
  void lockTellsAbsentFromResolvedFromOpenAndNeverReachesAnotherApp() {
    UUID open = DeadLetterRows.of(app).handlerFailed().insert(dl.db);
    UUID resolved = DeadLetterRows.of(app).resolved("handled_by_script").insert(dl.db);
    UUID elsewhere = DeadLetterRows.of(dl.newApp()).insert(dl.db);

    assertThat(dl.resolutions.lock(app, open)).contains(false);
    assertThat(dl.resolutions.lock(app, resolved)).contains(true);
    assertThat(dl.resolutions.lock(app, elsewhere)).isEmpty();
    assertThat(dl.resolutions.replayOne(app, elsewhere, ORIGIN)).isEmpty();
    assertThat(dl.resolutions.resolveOne(app, elsewhere, IGNORED)).isFalse();
  }

  @Test
  void resolveRecordsTheReasonAndNote() {
    UUID id = DeadLetterRows.of(app).handlerFailed().insert(dl.db);

    assertThat(dl.resolutions.resolveOne(app, id, IGNORED)).isTrue();

    DeadLetter after = dl.store.find(app, id).orElseThrow();
    assertThat(after.resolution()).isEqualTo("ignored");
    assertThat(after.resolutionNote()).isEqualTo("known outage");
    assertThat(after.resolvedAt()).isNotNull();
    assertThat(dl.store.countUnresolved(app)).isZero();
  }

  @Test
  void bulkActionsTakeMatchingUnresolvedRowsOldestFirstInBatchesOfTheGivenSize() {
    Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    List<UUID> matching = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      matching.add(
          DeadLetterRows.of(app).error("timeout " + i).createdAt(t0.plusSeconds(i)).insert(dl.db));
    }
    UUID otherError = DeadLetterRows.of(app).error("TypeError").insert(dl.db);
    UUID resolved = DeadLetterRows.of(app).error("timeout").resolved("ignored").insert(dl.db);
    DeadLetterFilter timeouts =
        DeadLetterFilter.of(null, null, null, null, "timeout", null, null)
            .unresolvedAsOf(t0.plusSeconds(3600));

    List<Replayed> first = dl.resolutions.replay(app, timeouts, 2, ORIGIN);
    assertThat(first).hasSize(2);
    assertThat(replayOf(first)).containsExactlyInAnyOrder(matching.get(0), matching.get(1));
    assertThat(dl.resolutions.resolve(app, timeouts, 2, IGNORED)).isEqualTo(2);
    assertThat(dl.resolutions.resolve(app, timeouts, 2, IGNORED)).isEqualTo(1);
    assertThat(dl.resolutions.resolve(app, timeouts, 2, IGNORED)).isZero();

    assertThat(dl.store.find(app, matching.get(4)).orElseThrow().resolution()).isEqualTo("ignored");
    assertThat(dl.store.find(app, otherError).orElseThrow().resolved()).isFalse();
    assertThat(dl.store.find(app, resolved).orElseThrow().resolutionNote()).isNull();
    assertThat(dl.count("SELECT count(*) FROM outbox WHERE app_id = ?", app)).isEqualTo(2);
  }

  @Test
  void bulkActionsSkipARowAnotherTransactionHoldsInsteadOfWaiting() throws Exception {
    UUID held = DeadLetterRows.of(app).insert(dl.db);
    UUID free = DeadLetterRows.of(app).insert(dl.db);
    DeadLetterFilter all =
        DeadLetterFilter.of(null, null, null, null, null, null, null).unresolvedAsOf(Instant.now());

    try (Connection other = dl.db.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement("SELECT id FROM dead_letters WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, held);
        lock.executeQuery().close();
      }
      assertThat(replayOf(dl.resolutions.replay(app, all, 10, ORIGIN))).containsExactly(free);
      other.rollback();
    }
    assertThat(dl.resolutions.resolve(app, all, 10, IGNORED)).isOne();
    assertThat(dl.store.find(app, held).orElseThrow().resolution()).isEqualTo("ignored");
  }

  @Test
  void concurrentBulkReplaysReplayEachRowExactlyOnce() throws Exception {
    int rows = 1_000;
    Jdbc.update(
        dl.db,
        """
        INSERT INTO dead_letters (app_id, original_event_id, source, op, script_id, payload,
          attempt_count, first_attempt_at, last_attempt_at, last_error, execution_id,
          root_execution_id)
        SELECT ?, gen_random_uuid(), 'http', 'POST', gen_random_uuid(), '{}'::jsonb, 3, now(),
          now(), 'boom', gen_random_uuid(), gen_random_uuid()
        FROM generate_series(1, ?)
        """,
        app,
        rows);
    DeadLetterFilter all =
        DeadLetterFilter.of(null, null, null, null, null, null, null)
            .unresolvedAsOf(Instant.now().plusSeconds(1));
    List<Thread> workers = new ArrayList<>();
    int[] replayed = new int[4];
    for (int w = 0; w < replayed.length; w++) {
      int worker = w;
      Thread thread =
          new Thread(
              () -> {
                int done;
                do {
                  done = dl.resolutions.replay(app, all, 25, ORIGIN).size();
                  replayed[worker] += done;
                } while (done > 0);
              });
      thread.start();
      workers.add(thread);
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(replayed[0] + replayed[1] + replayed[2] + replayed[3]).isEqualTo(rows);
    assertThat(dl.count("SELECT count(*) FROM outbox WHERE app_id = ?", app)).isEqualTo(rows);
    assertThat(
            dl.count(
                "SELECT count(DISTINCT origin_principal ->> 'replay_of') FROM outbox"
                    + " WHERE app_id = ?",
                app))
        .isEqualTo(rows);
    assertThat(dl.store.countUnresolved(app)).isZero();
  }

  private List<UUID> replayOf(List<Replayed> replayed) {
    List<UUID> ids = new ArrayList<>();
    for (Replayed row : replayed) {
      ids.add(
          Jdbc.queryOne(
                  dl.db,
                  "SELECT (origin_principal ->> 'replay_of')::uuid FROM outbox WHERE id = ?",
                  r -> r.getObject(1, UUID.class),
                  row.outboxId())
              .orElseThrow());
    }
    return ids;
  }
}
