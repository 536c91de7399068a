package dev.picloud.housekeeping.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.platform.control.Settings;
import dev.picloud.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep on a real PostgreSQL. "Now" is a settable clock in 2001, so every row other tests wrote
 * is young and the counts here are exactly this test's rows.
 */
class RetentionSweepIT {
  private static final Instant NOW = Instant.parse("2001-06-01T00:00:00Z");
  private static final Settings.Retention RETENTION = new Settings.Retention(30, 7, 7);
  private static final Instant DEAD_LETTER_CUTOFF = NOW.minus(Duration.ofDays(30));
  private static final Instant WEEK_CUTOFF = NOW.minus(Duration.ofDays(7));
  private static final Instant KEY_CUTOFF = NOW.minus(Duration.ofHours(24));
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final DataSource db = TestDatabase.get();
  private final HousekeepingStore store = new HousekeepingStore();
  private final SettableClock clock = new SettableClock(NOW);
  private final UUID app = UUID.randomUUID();
  private final UUID user = UUID.randomUUID();

  RetentionSweepIT() {
    store.dataSource = db;
    Jdbc.update(
        db,
        "INSERT INTO apps (id, slug, name) VALUES (?, ?, 'sweep test')",
        app,
        "h" + app.toString().substring(0, 8));
    Jdbc.update(
        db,
        "INSERT INTO users (id, username, password_hash, instance_role) VALUES (?, ?, 'x', 'member')",
        user,
        "sweep-" + user);
  }

  @AfterEach
  void dropRows() {
    Jdbc.update(db, "DELETE FROM apps WHERE id = ?", app);
    Jdbc.update(db, "DELETE FROM users WHERE id = ?", user);
  }

  @Test
  void deletesExactlyTheRowsPastTheirRetentionAndKeepsTheRest() {
    UUID oldDeadLetter = deadLetter(DEAD_LETTER_CUTOFF.minus(SECOND));
    UUID deadLetterAtCutoff = deadLetter(DEAD_LETTER_CUTOFF);
    UUID oldAbandoned = abandoned(WEEK_CUTOFF.minus(SECOND));
    UUID abandonedAtCutoff = abandoned(WEEK_CUTOFF);
    UUID oldLog = executionLog(WEEK_CUTOFF.minus(SECOND));
    UUID logAtCutoff = executionLog(WEEK_CUTOFF);
    UUID expired = session(NOW.minus(SECOND));
    UUID expiringNow = session(NOW);
    String oldKey = idempotencyKey(KEY_CUTOFF.minus(SECOND));
    String keyAtCutoff = idempotencyKey(KEY_CUTOFF);

    assertThat(sweep(RetentionSweep.BATCH)).isEqualTo(new RetentionSweep.Swept(1, 1, 1, 1, 1));

    assertThat(exists("dead_letters", "id", oldDeadLetter)).isFalse();
    assertThat(exists("abandoned_executions", "id", oldAbandoned)).isFalse();
    assertThat(exists("execution_logs", "id", oldLog)).isFalse();
    assertThat(exists("sessions", "id", expired)).isFalse();
    assertThat(exists("idempotency_keys", "key", oldKey)).isFalse();
    assertThat(exists("dead_letters", "id", deadLetterAtCutoff)).isTrue();
    assertThat(exists("abandoned_executions", "id", abandonedAtCutoff)).isTrue();
    assertThat(exists("execution_logs", "id", logAtCutoff)).isTrue();
    assertThat(exists("sessions", "id", expiringNow)).isTrue();
    assertThat(exists("idempotency_keys", "key", keyAtCutoff)).isTrue();

    assertThat(sweep(RetentionSweep.BATCH)).isEqualTo(new RetentionSweep.Swept(0, 0, 0, 0, 0));
    clock.advance(Duration.ofMillis(1));
    assertThat(sweep(RetentionSweep.BATCH)).isEqualTo(new RetentionSweep.Swept(1, 1, 1, 1, 1));
  }

  @Test
  void fullBatchesAreFollowedByMoreUntilEveryOldRowIsGone() {
    for (int i = 0; i < 5; i++) {
      deadLetter(DEAD_LETTER_CUTOFF.minus(Duration.ofMinutes(i + 1)));
      session(NOW.minus(Duration.ofMinutes(i + 1)));
    }
    assertThat(sweep(2)).isEqualTo(new RetentionSweep.Swept(5, 0, 0, 5, 0));

    Jdbc.update(
        db,
        """
        INSERT INTO execution_logs (app_id, execution_id, root_execution_id, invocation, status,
          duration_ms, created_at)
        SELECT ?, gen_random_uuid(), gen_random_uuid(), 'http', 'success', 1, ?
        FROM generate_series(1, 12001)
        """,
        app,
        WEEK_CUTOFF.minus(Duration.ofDays(1)));
    UUID young = executionLog(NOW);

    assertThat(sweep(RetentionSweep.BATCH)).isEqualTo(new RetentionSweep.Swept(0, 0, 12_001, 0, 0));
    assertThat(count("SELECT count(*) FROM execution_logs WHERE app_id = ?", app)).isOne();
    assertThat(exists("execution_logs", "id", young)).isTrue();
  }

  @Test
  void aRowAnotherTransactionHoldsIsSkippedNotWaitedForAndGoesNextTime() throws Exception {
    UUID held = deadLetter(DEAD_LETTER_CUTOFF.minus(Duration.ofDays(1)));
    deadLetter(DEAD_LETTER_CUTOFF.minus(Duration.ofDays(2)));

    try (Connection other = db.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement("SELECT id FROM dead_letters WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, held);
        lock.executeQuery().close();
      }
      assertThat(sweep(RetentionSweep.BATCH).deadLetters()).isOne();
      assertThat(exists("dead_letters", "id", held)).isTrue();
      other.rollback();
    }
    assertThat(sweep(RetentionSweep.BATCH).deadLetters()).isOne();
    assertThat(exists("dead_letters", "id", held)).isFalse();
  }

  private RetentionSweep.Swept sweep(int batch) {
    return new RetentionSweep(store, clock, RETENTION, batch).run();
  }

  private UUID deadLetter(Instant createdAt) {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        """
        INSERT INTO dead_letters (id, app_id, original_event_id, source, op, script_id, payload,
          attempt_count, first_attempt_at, last_attempt_at, last_error, execution_id,
          root_execution_id, created_at)
        VALUES (?, ?, ?, 'http', 'POST', ?, '{}'::jsonb, 3, ?, ?, 'boom', ?, ?, ?)
        """,
        id,
        app,
        UUID.randomUUID(),
        UUID.randomUUID(),
        createdAt,
        createdAt,
        UUID.randomUUID(),
        UUID.randomUUID(),
        createdAt);
    return id;
  }

  private UUID abandoned(Instant createdAt) {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        """
        INSERT INTO abandoned_executions (id, app_id, outbox_id, execution_id, script_id, inbox_id,
          created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        id,
        app,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        createdAt);
    return id;
  }

  private UUID executionLog(Instant createdAt) {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        """
        INSERT INTO execution_logs (id, app_id, execution_id, root_execution_id, invocation, status,
          duration_ms, created_at)
        VALUES (?, ?, ?, ?, 'http', 'success', 1, ?)
        """,
        id,
        app,
        UUID.randomUUID(),
        UUID.randomUUID(),
        createdAt);
    return id;
  }

  private UUID session(Instant expiresAt) {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        "INSERT INTO sessions (id, user_id, token_hash, expires_at) VALUES (?, ?, ?, ?)",
        id,
        user,
        "hash-" + id,
        expiresAt);
    return id;
  }

  private String idempotencyKey(Instant createdAt) {
    String key = "key-" + UUID.randomUUID();
    Jdbc.update(
        db,
        """
        INSERT INTO idempotency_keys (app_id, route_id, key, execution_id, accepted_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        app,
        UUID.randomUUID(),
        key,
        UUID.randomUUID(),
        createdAt,
        createdAt);
    return key;
  }

  private boolean exists(String table, String column, Object value) {
    return count("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", value) == 1;
  }

  private int count(String sql, Object... params) {
    return Jdbc.queryOne(db, sql, r -> r.getInt(1), params).orElseThrow();
  }
}
