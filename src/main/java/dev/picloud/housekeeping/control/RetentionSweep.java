package dev.picloud.housekeeping.control;

import dev.picloud.platform.control.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

/**
 * One housekeeping pass: every kind of row past its retention, table by table, in batches until a
 * batch comes back short. "Now" is the clock's, so a test can set it; cutoffs are exclusive (a row
 * exactly at its cutoff stays until the next pass).
 */
public final class RetentionSweep {
  /** At most this many rows per statement (SPEC 11, GC batch). */
  public static final int BATCH = 5_000;

  /** How long an Idempotency-Key answers (SPEC 5.5). */
  public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

  private final HousekeepingStore store;
  private final Clock clock;
  private final Settings.Retention retention;
  private final int batch;

  public RetentionSweep(HousekeepingStore store, Clock clock, Settings.Retention retention) {
    this(store, clock, retention, BATCH);
  }

  RetentionSweep(HousekeepingStore store, Clock clock, Settings.Retention retention, int batch) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
    this.batch = batch;
  }

  /** What one pass deleted, per kind. */
  public record Swept(
      int deadLetters,
      int abandonedExecutions,
      int executionLogs,
      int sessions,
      int idempotencyKeys) {}

  public Swept run() {
    Instant now = clock.instant();
    return new Swept(
        drain(n -> store.deleteDeadLetters(daysBefore(now, retention.deadLetterDays()), n)),
        drain(
            n ->
                store.deleteAbandonedExecutions(
                    daysBefore(now, retention.abandonedExecutionDays()), n)),
        drain(n -> store.deleteExecutionLogs(daysBefore(now, retention.executionLogDays()), n)),
        drain(n -> store.deleteExpiredSessions(now, n)),
        drain(n -> store.deleteIdempotencyKeys(now.minus(IDEMPOTENCY_WINDOW), n)));
  }

  private static Instant daysBefore(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }

  /** Batches until one deletes fewer than a full batch; returns the total. */
  private int drain(IntUnaryOperator deleteBatch) {
    int total = 0;
    int deleted;
    do {
      deleted = deleteBatch.applyAsInt(batch);
      total += deleted;
    } while (deleted == batch);
    return total;
  }
}
