package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Enqueueing and claiming on a real PostgreSQL (sessions in a non-UTC zone). */
class OutboxClaimIT {
  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();

  @Test
  void claimCountsTheAttemptLeasesOnTheDatabaseClockAndMovesTheEpoch() {
    Instant before = Instant.now().minusSeconds(60);
    var inserted = outbox.store.insert(NewRows.async(app).build());

    ClaimedRow row = outbox.claimOne("node-a", Duration.ofMinutes(2));

    assertThat(row.id()).isEqualTo(inserted.id());
    assertThat(row.attemptCount()).isEqualTo(1);
    assertThat(row.claim()).isEqualTo(new Claim(inserted.id(), "node-a", 1));
    assertThat(row.createdAt()).isEqualTo(inserted.createdAt()).isAfter(before);
    assertThat(row.claimedAt()).isAfterOrEqualTo(row.createdAt());
    assertThat(row.leaseExpiresAt()).isEqualTo(row.claimedAt().plus(2, ChronoUnit.MINUTES));
    assertThat(outbox.store.claim("node-b", 10, OutboxDb.LONG_LEASE)).isEmpty();
  }

  @Test
  void claimTakesAtMostMaxRowsOldestDueFirstAndTouchesNoOthers() {
    List<UUID> ids =
        outbox.insertAll(IntStream.range(0, 10).mapToObj(i -> NewRows.async(app).build()).toList());
    ClaimedRow first = outbox.claimRows("node-a", 1, OutboxDb.LONG_LEASE).get(0);
    // Due again at once, but later than the nine that were never claimed.
    outbox.settles.retryLater(first.claim(), Duration.ZERO, new AttemptError("x", "y", null));

    List<ClaimedRow> claimed = outbox.claimRows("node-b", 3, OutboxDb.LONG_LEASE);

    assertThat(claimed).hasSize(3).extracting(ClaimedRow::id).doesNotContain(first.id());
    assertThat(ids).containsAll(claimed.stream().map(ClaimedRow::id).toList());
    assertThat(outbox.count("SELECT count(*) FROM outbox WHERE claimed_by IS NOT NULL"))
        .isEqualTo(3);
    assertThat(outbox.claimRows("node-b", 100, OutboxDb.LONG_LEASE))
        .hasSize(7)
        .extracting(ClaimedRow::id)
        .contains(first.id());
  }

  @Test
  void rowsNotYetDueAreNotClaimed() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow row = outbox.claimOne("node-a");
    outbox.settles.retryLater(row.claim(), Duration.ofHours(1), new AttemptError("x", "y", null));

    assertThat(outbox.store.claim("node-a", 10, OutboxDb.LONG_LEASE)).isEmpty();
    assertThat(outbox.row(app, id).nextAttemptAt())
        .isBetween(Instant.now().plus(59, ChronoUnit.MINUTES), Instant.now().plusSeconds(3660));
  }

  @Test
  void aSyncRowIsClaimedOnlyByTheNodeItsCallerWaitsOn() {
    UUID id = outbox.insert(NewRows.sync(app, "node-a"));

    assertThat(outbox.store.claim("node-b", 10, OutboxDb.LONG_LEASE)).isEmpty();
    ClaimedRow row = outbox.claimOne("node-a");
    assertThat(row.id()).isEqualTo(id);
    assertThat(row.sync()).isTrue();
  }

  @Test
  void releaseGivesTheRowBackWithItsAttemptUncounted() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow first = outbox.claimOne("node-a");

    assertThat(outbox.settles.release(first.claim())).isTrue();
    PendingRow released = outbox.row(app, id);
    assertThat(released.attemptCount()).isZero();
    assertThat(released.claimedBy()).isNull();
    assertThat(released.errorsJson()).isEqualTo("[]");
    assertThat(outbox.settles.release(first.claim())).isFalse();

    ClaimedRow again = outbox.claimOne("node-b");
    assertThat(again.attemptCount()).isEqualTo(1);
    assertThat(again.claim().epoch()).isEqualTo(first.claim().epoch() + 1);
  }

  @Test
  void insertAllKeepsEveryColumnIncludingNulls() {
    String payload = "{\"text\": \"quote \\\" and é😀\", \"list\": [1, null]}";
    NewOutboxRow plain = NewRows.async(app).trigger(null).payload(payload).build();
    NewOutboxRow full =
        NewRows.sync(app, "node-a").principal("{\"user\": \"u1\"}").idempotencyKey("key-1").build();

    List<OutboxStore.Inserted> inserted = outbox.store.insertAll(List.of(plain, full));
    List<UUID> ids = inserted.stream().map(OutboxStore.Inserted::id).toList();

    List<ClaimedRow> claimed = outbox.claimRows("node-a", 10, OutboxDb.LONG_LEASE);
    assertThat(claimed).extracting(ClaimedRow::id).containsExactlyInAnyOrderElementsOf(ids);
    ClaimedRow first = claimed.stream().filter(r -> r.id().equals(ids.get(0))).findFirst().get();
    ClaimedRow second = claimed.stream().filter(r -> r.id().equals(ids.get(1))).findFirst().get();
    assertThat(OutboxDb.jsonObject(first.payloadJson())).isEqualTo(OutboxDb.jsonObject(payload));
    assertSame(first, plain);
    assertSame(second, full);
    assertThat(first.createdAt()).isEqualTo(inserted.get(0).createdAt());
    assertThat(second.createdAt()).isEqualTo(inserted.get(1).createdAt());
  }

  /**
   * Outbox rows live milliseconds: time-ordered ids made a durable insert-and-delete 17-25% slower
   * in pgbench (every insert on the key's last page, among the dead entries of the rows before it),
   * so they keep random ids, unlike the execution logs.
   */
  @Test
  void everyWayOfWritingARowGivesItARandomId() {
    UUID one = outbox.store.insert(NewRows.async(app).build()).id();
    UUID batched = outbox.store.insertAll(List.of(NewRows.async(app).build())).get(0).id();
    UUID claimed =
        outbox
            .store
            .insertClaimed(List.of(NewRows.sync(app, "node-a").build()), OutboxDb.LONG_LEASE)
            .get(0)
            .row()
            .id();

    assertThat(List.of(one, batched, claimed)).extracting(UUID::version).containsOnly(4);
  }

  @Test
  void insertAllOfNothingWritesNothing() {
    assertThat(outbox.store.insertAll(List.of())).isEmpty();
    assertThat(outbox.reads.depth()).isZero();
  }

  @Test
  void insertClaimedWritesSyncRowsHeldByTheirReplyNodeAsAClaimWouldLeaveThem() {
    NewOutboxRow onA = NewRows.sync(app, "node-a").principal("{\"user\": \"u1\"}").build();
    NewOutboxRow onB = NewRows.sync(app, "node-b").build();

    List<ClaimedRow> written =
        outbox.store.insertClaimed(List.of(onA, onB), Duration.ofMinutes(2)).stream()
            .map(RunnableRow::row)
            .toList();

    assertThat(written).hasSize(2);
    assertSame(written.get(0), onA);
    assertSame(written.get(1), onB);
    ClaimedRow first = written.get(0);
    assertThat(first.claim()).isEqualTo(new Claim(first.id(), "node-a", 1));
    assertThat(written.get(1).claim().node()).isEqualTo("node-b");
    assertThat(first.attemptCount()).isEqualTo(1);
    assertThat(first.claimedAt()).isAfterOrEqualTo(first.createdAt());
    assertThat(first.leaseExpiresAt()).isEqualTo(first.claimedAt().plus(2, ChronoUnit.MINUTES));
    // Nobody claims them again, not even their own node; the claim settles them.
    assertThat(outbox.store.claim("node-a", 10, OutboxDb.LONG_LEASE)).isEmpty();
    assertThat(outbox.settles.complete(first.claim())).isTrue();
    assertThat(outbox.reads.depth()).isEqualTo(1);
  }

  @Test
  void insertClaimedReadsEachRowsScriptAsItIsAndNothingForAScriptThatIsGone() {
    UUID greet = outbox.newScript(app, "greet", "return 'hi';");
    UUID other = outbox.newScript(outbox.newApp(), "elsewhere", "return 2;");
    List<NewOutboxRow> rows =
        List.of(
            NewRows.sync(app, "node-a").script(greet).build(),
            NewRows.sync(app, "node-a").build(),
            NewRows.sync(app, "node-a").script(other).build());

    List<RunnableRow> written = outbox.store.insertClaimed(rows, OutboxDb.LONG_LEASE);

    RunnableScript script = written.get(0).script().orElseThrow();
    assertThat(script.id()).isEqualTo(greet);
    assertThat(script.appId()).isEqualTo(app);
    assertThat(script.appSlug()).isEqualTo("a" + app.toString().substring(0, 8));
    assertThat(script.name()).isEqualTo("greet");
    assertThat(script.version()).isEqualTo(1);
    assertThat(script.timeoutSeconds()).isNull();
    assertThat(OutboxDb.jsonObject(script.limitsJson()).getInt("operations")).isEqualTo(5);
    assertThat(written.get(1).script()).as("no such script").isEmpty();
    assertThat(written.get(2).script()).as("another app's script").isEmpty();
    assertThat(written).extracting(w -> w.row().scriptId()).doesNotContainNull();
  }

  @Test
  void claimReadsEachRowsScriptAsItIsAndNothingForAScriptThatIsGone() {
    UUID greet = outbox.newScript(app, "greet", "return 'hi';");
    UUID other = outbox.newScript(outbox.newApp(), "elsewhere", "return 2;");
    UUID withScript = outbox.insert(NewRows.async(app).script(greet));
    UUID gone = outbox.insert(NewRows.async(app));
    UUID foreign = outbox.insert(NewRows.async(app).script(other));

    Map<UUID, RunnableRow> claimed = new HashMap<>();
    outbox
        .store
        .claim("node-a", 10, OutboxDb.LONG_LEASE)
        .forEach(r -> claimed.put(r.row().id(), r));

    assertThat(claimed).containsOnlyKeys(withScript, gone, foreign);
    RunnableScript script = claimed.get(withScript).script().orElseThrow();
    assertThat(script.id()).isEqualTo(greet);
    assertThat(script.appId()).isEqualTo(app);
    assertThat(script.name()).isEqualTo("greet");
    assertThat(script.version()).isEqualTo(1);
    assertThat(claimed.get(withScript).row().claim()).isEqualTo(new Claim(withScript, "node-a", 1));
    assertThat(claimed.get(gone).script()).as("no such script").isEmpty();
    assertThat(claimed.get(foreign).script()).as("another app's script").isEmpty();
  }

  @Test
  void aSyncRowWrittenClaimedAndReleasedIsClaimedByTheDispatcherOfItsNode() {
    ClaimedRow written =
        outbox
            .store
            .insertClaimed(List.of(NewRows.sync(app, "node-a").build()), OutboxDb.LONG_LEASE)
            .get(0)
            .row();

    assertThat(outbox.settles.release(written.claim())).isTrue();

    ClaimedRow again = outbox.claimOne("node-a");
    assertThat(again.id()).isEqualTo(written.id());
    assertThat(again.attemptCount()).isEqualTo(1);
    assertThat(again.claim().epoch()).isEqualTo(2);
  }

  @Test
  void insertClaimedRefusesAsyncRowsAndWritesNothing() {
    List<NewOutboxRow> rows =
        List.of(NewRows.sync(app, "node-a").build(), NewRows.async(app).build());

    assertThatThrownBy(() -> outbox.store.insertClaimed(rows, OutboxDb.LONG_LEASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outbox.reads.depth()).isZero();
  }

  private static void assertSame(ClaimedRow claimed, NewOutboxRow row) {
    assertThat(claimed.appId()).isEqualTo(row.appId());
    assertThat(claimed.sourceKind()).isEqualTo(row.sourceKind());
    assertThat(claimed.triggerId()).isEqualTo(row.triggerId());
    assertThat(claimed.scriptId()).isEqualTo(row.scriptId());
    assertThat(claimed.replyTo()).isEqualTo(row.replyTo());
    assertThat(claimed.replyNode()).isEqualTo(row.replyNode());
    if (row.originPrincipalJson() == null) {
      assertThat(claimed.originPrincipalJson()).isNull();
    } else {
      assertThat(OutboxDb.jsonObject(claimed.originPrincipalJson()))
          .isEqualTo(OutboxDb.jsonObject(row.originPrincipalJson()));
    }
    assertThat(claimed.triggerDepth()).isEqualTo(row.triggerDepth());
    assertThat(claimed.executionId()).isEqualTo(row.executionId());
    assertThat(claimed.rootExecutionId()).isEqualTo(row.rootExecutionId());
    assertThat(claimed.idempotencyKey()).isEqualTo(row.idempotencyKey());
  }
}
