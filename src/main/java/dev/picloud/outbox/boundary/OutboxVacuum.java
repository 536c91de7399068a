package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.VacuumPace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Vacuums the outbox after every {@value #ROWS} rows this node took off the queue, and after a
 * claim that took {@link #SLOW_CLAIM} or more, at most once every {@link #INTERVAL}, in the
 * background. A claimed row's old version stays in the due index until a vacuum removes it, and
 * every claim walks past all of those first: between autovacuums (a minute apart by default) a
 * claim grew from ~130 to ~260 µs of the database's time over a drain of 60,000 rows. A vacuum also
 * records how many rows the table holds: after one that found it empty (autovacuum after a drain),
 * a claim is planned for an empty table until the next vacuum or ANALYZE, and reads and sorts every
 * due row instead of walking the due index in order (a claim of 4 rows read 38,000 pages, 270 ms,
 * behind a backlog of 136,000 rows), so such a claim does not wait for 10,000 rows. A user that may
 * not vacuum the table is told once, and autovacuum is left to it.
 */
@ApplicationScoped
public class OutboxVacuum {
  private static final Logger LOG = Logger.getLogger(OutboxVacuum.class.getName());
  static final int ROWS = 10_000;
  static final Duration INTERVAL = Duration.ofSeconds(5);

  /** A claim takes well under a millisecond of the database's time when its plan is right. */
  static final Duration SLOW_CLAIM = Duration.ofMillis(10);

  @Resource ManagedThreadFactory threads;
  @Inject OutboxStore store;
  @Inject Clock clock;

  private final VacuumPace pace = new VacuumPace(ROWS, INTERVAL);
  private ExecutorService worker;

  /** Whether the database lets this user vacuum: null until asked; only the worker touches it. */
  private Boolean allowed;

  @PostConstruct
  void start() {
    worker = Executors.newSingleThreadExecutor(threads);
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  /**
   * Counts rows this node took off the queue (claimed, or written claimed); zero just asks whether
   * a vacuum the interval held back may start now. Called by the dispatcher's loop only.
   */
  public void taken(int rows) {
    if (pace.taken(rows, clock.instant())) {
      startVacuum();
    }
  }

  /**
   * How long a claim took; one of {@link #SLOW_CLAIM} or more starts a vacuum now if the interval
   * allows. Called by the dispatcher's loop only.
   */
  public void claimTook(Duration took) {
    if (took.compareTo(SLOW_CLAIM) >= 0 && pace.slowClaim(clock.instant())) {
      LOG.fine(() -> "A claim took " + took.toMillis() + " ms; vacuuming the outbox now");
      startVacuum();
    }
  }

  private void startVacuum() {
    try {
      worker.execute(this::vacuum);
    } catch (RejectedExecutionException stopping) {
      pace.finished();
    }
  }

  private void vacuum() {
    try {
      if (allowed == null) {
        allowed = store.mayVacuum();
        if (!allowed) {
          LOG.warning(
              "The database user does not own the outbox table, so PiCloud cannot vacuum it;"
                  + " settled rows stay in it until autovacuum removes them");
        }
      }
      if (allowed) {
        store.vacuum().forEach(warning -> LOG.warning(() -> "Vacuuming the outbox: " + warning));
      }
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Could not vacuum the outbox ("
                  + e.getMessage()
                  + "); the next try comes after another "
                  + ROWS
                  + " rows or a slow claim");
    } finally {
      pace.finished();
    }
  }
}
