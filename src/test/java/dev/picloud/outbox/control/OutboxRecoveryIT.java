package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.picloud.platform.control.Jdbc;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lost claims, orphaned sync rows, graceful shutdown and the ways unclaimed rows are dropped. */
class OutboxRecoveryIT {
  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();

  @Test
  void anExpiredAsyncClaimComesBackWithWorkerLostAndItsAttemptCounted() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow crashed = outbox.claimOne("node-a", Duration.ofMillis(1));

    List<Rescued> rescued = OutboxDb.awaitNonEmpty(() -> outbox.recovery.rescueExpired(10));

    assertThat(rescued)
        .containsExactly(
            new Rescued(id, app, crashed.executionId(), "node-a", 1, Rescued.Outcome.REQUEUED));
    PendingRow back = outbox.row(app, id);
    assertThat(back.claimedBy()).isNull();
    assertThat(back.attemptCount()).isEqualTo(1);
    JsonObject entry = OutboxDb.json(back.errorsJson()).getJsonObject(0);
    assertThat(entry.getString("code")).isEqualTo("worker_lost");
    assertThat(entry.getString("node")).isEqualTo("node-a");
    assertThat(entry.getInt("attempt")).isEqualTo(1);
    assertThat(entry.containsKey("status")).isFalse();
    assertThat(outbox.claimOne("node-b").attemptCount()).isEqualTo(2);
  }

  @Test
  void anExpiredSyncClaimIsDeletedWithoutRunning() {
    UUID id = outbox.insert(NewRows.sync(app, "node-a"));
    outbox.claimOne("node-a", Duration.ofMillis(1));

    List<Rescued> rescued = OutboxDb.awaitNonEmpty(() -> outbox.recovery.rescueExpired(10));

    assertThat(rescued)
        .extracting(Rescued::id, Rescued::outcome, Rescued::node)
        .containsExactly(tuple(id, Rescued.Outcome.DROPPED, "node-a"));
    assertThat(outbox.reads.find(app, id)).isEmpty();
  }

  @Test
  void liveLeasesAndUnclaimedRowsAreNotRescued() {
    outbox.insert(NewRows.async(app));
    outbox.insert(NewRows.async(app));
    outbox.store.claim("node-a", 1, OutboxDb.LONG_LEASE);

    assertThat(outbox.recovery.rescueExpired(10)).isEmpty();
    assertThat(outbox.count("SELECT count(*) FROM outbox WHERE claimed_by = 'node-a'")).isOne();
  }

  @Test
  void rescueWorksInBatchesOfAtMostMax() {
    for (int i = 0; i < 5; i++) {
      outbox.insert(NewRows.async(app));
    }
    outbox.store.claim("node-a", 5, Duration.ofMillis(1));

    assertThat(OutboxDb.awaitNonEmpty(() -> outbox.recovery.rescueExpired(3))).hasSize(3);
    assertThat(outbox.recovery.rescueExpired(3)).hasSize(2);
    assertThat(outbox.recovery.rescueExpired(3)).isEmpty();
  }

  @Test
  void unclaimedSyncRowsOlderThanAnyWaitAreDropped() {
    UUID orphan = outbox.insert(NewRows.sync(app, "gone-node"));
    UUID fresh = outbox.insert(NewRows.sync(app, "node-a"));
    UUID async = outbox.insert(NewRows.async(app));
    Duration maxWait = Duration.ofMinutes(2);
    assertThat(outbox.recovery.dropOrphanedSync(maxWait, 10)).isEmpty();

    Jdbc.update(
        outbox.db,
        "UPDATE outbox SET created_at = created_at - interval '3 minutes' WHERE id IN (?, ?)",
        orphan,
        async);

    assertThat(outbox.recovery.dropOrphanedSync(maxWait, 10))
        .extracting(Rescued::id, Rescued::outcome)
        .containsExactly(tuple(orphan, Rescued.Outcome.DROPPED));
    assertThat(outbox.reads.find(app, fresh)).isPresent();
    assertThat(outbox.reads.find(app, async)).isPresent();
  }

  @Test
  void gracefulShutdownReleasesTheNodesAsyncClaimsAndDropsItsSyncRows() {
    UUID asyncA = outbox.insert(NewRows.async(app));
    ClaimedRow heldByA = outbox.claimOne("node-a");
    outbox.insert(NewRows.sync(app, "node-a"));
    ClaimedRow syncHeldByA = outbox.claimOne("node-a");
    UUID waitingOnA = outbox.insert(NewRows.sync(app, "node-a"));
    UUID asyncB = outbox.insert(NewRows.async(app));
    ClaimedRow heldByB = outbox.claimOne("node-b");

    assertThat(outbox.recovery.releaseAllClaimedBy("node-a"))
        .isEqualTo(new OutboxRecovery.Released(1, 2));

    PendingRow released = outbox.row(app, asyncA);
    assertThat(released.claimedBy()).isNull();
    assertThat(released.attemptCount()).isZero();
    assertThat(heldByA.id()).isEqualTo(asyncA);
    assertThat(outbox.reads.find(app, syncHeldByA.id())).isEmpty();
    assertThat(outbox.reads.find(app, waitingOnA)).isEmpty();
    assertThat(heldByB.id()).isEqualTo(asyncB);
    assertThat(outbox.settles.complete(heldByB.claim())).isTrue();
  }

  @Test
  void droppingATriggersRowsLeavesClaimedRowsAndOtherTriggersAlone() {
    UUID trigger = UUID.randomUUID();
    outbox.insert(NewRows.async(app).trigger(trigger));
    ClaimedRow running = outbox.claimOne("node-a");
    outbox.insert(NewRows.async(app).trigger(trigger));
    outbox.insert(NewRows.async(app).trigger(trigger));
    UUID other = outbox.insert(NewRows.async(app));

    assertThat(outbox.store.dropUnclaimedForTrigger(trigger)).isEqualTo(2);

    assertThat(outbox.reads.depth()).isEqualTo(2);
    assertThat(outbox.reads.find(app, other)).isPresent();
    assertThat(outbox.settles.complete(running.claim())).isTrue();
  }
}
