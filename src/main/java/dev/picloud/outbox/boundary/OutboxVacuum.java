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
 * Vacuums the outbox after every {@value #ROWS} rows this node took off the queue, at most once
 * every {@link #INTERVAL}, in the background. A claimed row's old version stays in the due index
 * until a vacuum removes it, and every claim walks past all of those first: between autovacuums (a
 * minute apart by default) a claim grew from ~130 to ~260 µs of the database's time over a drain of
 * 60,000 rows. A user that may not vacuum the table is told once, and autovacuum is left to it.
 */
@ApplicationScoped
public class OutboxVacuum {
  private static final Logger LOG = Logger.getLogger(OutboxVacuum.class.getName());
  static final int ROWS = 10_000;
  static final Duration INTERVAL = Duration.ofSeconds(5);

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
    if (!pace.taken(rows, clock.instant())) {
      return;
    }
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
                  + " rows");
    } finally {
      pace.finished();
    }
  }
}
