package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.Jdbc;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Settling claims, and the epoch fence that keeps a node that lost its lease from settling. */
class OutboxSettleIT {
  private static final AttemptError THREW = new AttemptError("script_error", "boom", 502);

  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();

  @Test
  void aStaleEpochSettlesNothingAfterRescueAndReclaimWhileTheNewOwnersSettleWorks() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow lost = claimThenLose("node-a");
    ClaimedRow owner = outbox.claimOne("node-b");

    assertThat(outbox.settles.complete(lost.claim())).isFalse();
    assertThat(outbox.settles.retryLater(lost.claim(), Duration.ZERO, THREW)).isFalse();
    assertThat(outbox.settles.deadLetter(lost.claim(), "insert", THREW)).isEmpty();
    assertThat(outbox.settles.release(lost.claim())).isFalse();

    PendingRow unchanged = outbox.row(app, id);
    assertThat(unchanged.claimedBy()).isEqualTo("node-b");
    assertThat(unchanged.attemptCount()).isEqualTo(2);
    assertThat(OutboxDb.json(unchanged.errorsJson())).hasSize(1);
    assertThat(deadLetters()).isZero();

    assertThat(outbox.settles.complete(owner.claim())).isTrue();
    assertThat(outbox.reads.find(app, id)).isEmpty();
  }

  @Test
  void completeAllDeletesTheRowsWhoseClaimsHoldAndLeavesTheOthersAlone() {
    UUID taken = outbox.insert(NewRows.async(app));
    ClaimedRow lost = claimThenLose("node-a");
    ClaimedRow owner = outbox.claimOne("node-b");
    UUID done = outbox.insert(NewRows.async(app));
    ClaimedRow held = outbox.claimOne("node-a");

    assertThat(outbox.settles.completeAll(List.of(lost.claim(), held.claim()), true))
        .containsExactly(false, true);

    assertThat(outbox.reads.find(app, done)).isEmpty();
    assertThat(outbox.row(app, taken).claimedBy()).isEqualTo("node-b");
    assertThat(outbox.settles.completeAll(List.of(owner.claim()), false)).containsExactly(true);
    assertThat(outbox.reads.find(app, taken)).isEmpty();
  }

  @Test
  void theSameNodeReclaimingARescuedRowHoldsANewTokenAndTheOldOneIsDead() {
    outbox.insert(NewRows.async(app));
    ClaimedRow lost = claimThenLose("node-a");
    ClaimedRow again = outbox.claimOne("node-a");

    assertThat(again.claim().epoch()).isEqualTo(lost.claim().epoch() + 1);
    assertThat(outbox.settles.complete(lost.claim())).isFalse();
    assertThat(outbox.settles.complete(again.claim())).isTrue();
  }

  @Test
  void retryLaterUnclaimsAndAppendsTheAttemptsErrorWithDatabaseTimes() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow row = outbox.claimOne("node-a");

    assertThat(outbox.settles.retryLater(row.claim(), Duration.ofMinutes(1), THREW)).isTrue();

    PendingRow after = outbox.row(app, id);
    assertThat(after.claimedBy()).isNull();
    assertThat(after.claimedAt()).isNull();
    assertThat(after.leaseExpiresAt()).isNull();
    assertThat(after.attemptCount()).isEqualTo(1);
    assertThat(after.lastError()).isEqualTo("boom");
    JsonObject entry = OutboxDb.json(after.errorsJson()).getJsonObject(0);
    assertThat(entry.getInt("attempt")).isEqualTo(1);
    assertThat(entry.getString("code")).isEqualTo("script_error");
    assertThat(entry.getString("error")).isEqualTo("boom");
    assertThat(entry.getInt("status")).isEqualTo(502);
    assertThat(entry.getString("node")).isEqualTo("node-a");
    assertThat(Instant.parse(entry.getString("started_at"))).isEqualTo(row.claimedAt());
    Instant at = Instant.parse(entry.getString("at"));
    assertThat(at).isAfterOrEqualTo(row.claimedAt());
    assertThat(after.nextAttemptAt()).isEqualTo(at.plus(Duration.ofMinutes(1)));
    assertThat(outbox.settles.complete(row.claim())).as("the claim ended").isFalse();
  }

  @Test
  void deadLetterMovesTheRowWithItsWholeHistoryInOneStatement() {
    UUID id = outbox.insert(NewRows.async(app).payload("{\"key\": \"k1\"}"));
    ClaimedRow first = outbox.claimOne("node-a");
    outbox.settles.retryLater(first.claim(), Duration.ZERO, THREW);
    ClaimedRow second = outbox.claimOne("node-b");
    outbox.settles.retryLater(second.claim(), Duration.ZERO, THREW);
    ClaimedRow last = outbox.claimOne("node-a");

    AttemptError timeout = new AttemptError("script_timeout", "took too long", 504);
    UUID deadLetterId =
        outbox.settles.deadLetter(last.claim(), "insert", timeout).orElseThrow().id();

    assertThat(outbox.reads.find(app, id)).isEmpty();
    StoredDeadLetter stored = StoredDeadLetter.find(outbox, deadLetterId);
    assertThat(stored.appId()).isEqualTo(app);
    assertThat(stored.originalEventId()).isEqualTo(id);
    assertThat(stored.source()).isEqualTo("kv");
    assertThat(stored.op()).isEqualTo("insert");
    assertThat(stored.triggerId()).isEqualTo(last.triggerId());
    assertThat(stored.scriptId()).isEqualTo(last.scriptId());
    assertThat(stored.executionId()).isEqualTo(last.executionId());
    assertThat(stored.payload()).isEqualTo("{\"key\": \"k1\"}");
    assertThat(stored.attemptCount()).isEqualTo(3);
    assertThat(stored.firstAttemptAt()).isEqualTo(first.claimedAt());
    assertThat(stored.lastAttemptAt()).isEqualTo(last.claimedAt());
    assertThat(stored.lastError()).isEqualTo("took too long");
    assertThat(stored.unresolved()).isTrue();
    JsonArray errors = OutboxDb.json(stored.errors());
    assertThat(errors).hasSize(3);
    assertThat(errors.getJsonObject(0).getString("node")).isEqualTo("node-a");
    assertThat(errors.getJsonObject(1).getString("node")).isEqualTo("node-b");
    assertThat(errors.getJsonObject(2).getString("code")).isEqualTo("script_timeout");
    for (int i = 0; i < 3; i++) {
      assertThat(errors.getJsonObject(i).getInt("attempt")).isEqualTo(i + 1);
    }
  }

  @Test
  void aFirstAttemptThatDeadLettersStartsAndEndsWithItsOwnClaim() {
    outbox.insert(NewRows.async(app).kind(SourceKind.HTTP));
    ClaimedRow only = outbox.claimOne("node-a");

    UUID deadLetterId = outbox.settles.deadLetter(only.claim(), "POST", THREW).orElseThrow().id();

    StoredDeadLetter stored = StoredDeadLetter.find(outbox, deadLetterId);
    assertThat(stored.source()).isEqualTo("http");
    assertThat(stored.op()).isEqualTo("POST");
    assertThat(stored.firstAttemptAt()).isEqualTo(only.claimedAt());
    assertThat(stored.lastAttemptAt()).isEqualTo(only.claimedAt());
    assertThat(OutboxDb.json(stored.errors())).hasSize(1);
  }

  @Test
  void aRowThatMayNotDeadLetterStaysWhereItWasWhenTheInsertFails() {
    UUID id = outbox.insert(NewRows.async(app).kind(SourceKind.DEAD_LETTER));
    ClaimedRow handler = outbox.claimOne("node-a");

    assertThatThrownBy(() -> outbox.settles.deadLetter(handler.claim(), "dead_letter", THREW))
        .isInstanceOf(Jdbc.DataAccessException.class);

    assertThat(outbox.row(app, id).claimedBy()).isEqualTo("node-a");
    assertThat(deadLetters()).isZero();
  }

  @Test
  void completeDeletesTheRowOnce() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow row = outbox.claimOne("node-a");

    assertThat(outbox.settles.complete(row.claim())).isTrue();
    assertThat(outbox.settles.complete(row.claim())).isFalse();
    assertThat(outbox.reads.find(app, id)).isEmpty();
  }

  private record StoredDeadLetter(
      UUID appId,
      UUID originalEventId,
      String source,
      String op,
      UUID triggerId,
      UUID scriptId,
      UUID executionId,
      String payload,
      int attemptCount,
      Instant firstAttemptAt,
      Instant lastAttemptAt,
      String lastError,
      String errors,
      boolean unresolved) {

    static StoredDeadLetter find(OutboxDb outbox, UUID id) {
      return Jdbc.queryOne(
              outbox.db,
              "SELECT *, payload::text AS p, errors::text AS e FROM dead_letters WHERE id = ?",
              r ->
                  new StoredDeadLetter(
                      r.getObject("app_id", UUID.class),
                      r.getObject("original_event_id", UUID.class),
                      r.getString("source"),
                      r.getString("op"),
                      r.getObject("trigger_id", UUID.class),
                      r.getObject("script_id", UUID.class),
                      r.getObject("execution_id", UUID.class),
                      r.getString("p"),
                      r.getInt("attempt_count"),
                      Jdbc.instant(r, "first_attempt_at"),
                      Jdbc.instant(r, "last_attempt_at"),
                      r.getString("last_error"),
                      r.getString("e"),
                      r.getObject("resolved_at") == null && r.getObject("resolution") == null),
              id)
          .orElseThrow();
    }
  }

  private int deadLetters() {
    return outbox.count("SELECT count(*) FROM dead_letters WHERE app_id = ?", app);
  }

  /** A claim whose lease ran out and whose row went back to the queue: its token is dead. */
  private ClaimedRow claimThenLose(String node) {
    ClaimedRow lost = outbox.claimOne(node, Duration.ofMillis(1));
    OutboxDb.awaitNonEmpty(() -> outbox.recovery.rescueExpired(10));
    return lost;
  }
}
