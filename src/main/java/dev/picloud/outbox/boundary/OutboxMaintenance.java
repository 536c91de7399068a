package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.MaintenancePace;
import dev.picloud.outbox.control.OutboxRowCounts;
import dev.picloud.outbox.control.OutboxStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * The node's upkeep of the outbox, in the background, paced by the dispatcher's loop.
 *
 * <p>It vacuums the outbox after every {@value #VACUUM_ROWS} rows this node took off the queue, at
 * most once every {@link #VACUUM_INTERVAL}. A claimed row's old version stays in the due index
 * until a vacuum removes it, and every claim walks past all of those first: between autovacuums (a
 * minute apart by default) a claim grew from ~130 to ~260 µs of the database's time over a drain of
 * 60,000 rows.
 *
 * <p>Every {@link #STATISTICS_INTERVAL} it compares the planner's row count of the outbox with the
 * live rows, and vacuums the table when the count would mislead the planner ({@link
 * OutboxRowCounts}): after a vacuum that found the queue empty, claims would otherwise read and
 * sort every due row until autoanalyze, up to a minute later. A vacuum counts the rows again and
 * leaves the column statistics alone; an ANALYZE at that moment (every row of the new backlog
 * unclaimed) slowed the drain that followed by a third to a half, likely through those.
 *
 * <p>A user that may not vacuum the table is told once, and the table is left to autovacuum.
 */
@ApplicationScoped
public class OutboxMaintenance {
  private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class.getName());
  static final int VACUUM_ROWS = 10_000;
  static final Duration VACUUM_INTERVAL = Duration.ofSeconds(5);
  static final Duration STATISTICS_INTERVAL = Duration.ofSeconds(1);

  @Resource ManagedThreadFactory threads;
  @Inject OutboxStore store;
  @Inject Clock clock;

  private final MaintenancePace vacuumPace = new MaintenancePace(VACUUM_ROWS, VACUUM_INTERVAL);
  private final MaintenancePace statisticsPace = new MaintenancePace(0, STATISTICS_INTERVAL);
  private ExecutorService worker;

  /** Whether the database lets this user vacuum the table: null until asked; worker only. */
  private Boolean allowed;

  /**
   * Whether the last look at the statistics failed, so a failing database warns once; worker only.
   */
  private boolean statisticsFailing;

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
   * upkeep the pace held back may start now. Called by the dispatcher's loop only.
   */
  public void taken(int rows) {
    Instant now = clock.instant();
    if (vacuumPace.taken(rows, now)) {
      submit(this::vacuum, vacuumPace);
    }
    if (statisticsPace.taken(rows, now)) {
      submit(this::recountIfMiscounted, statisticsPace);
    }
  }

  private void submit(Runnable upkeep, MaintenancePace pace) {
    try {
      worker.execute(upkeep);
    } catch (RejectedExecutionException stopping) {
      pace.finished();
    }
  }

  private void vacuum() {
    try {
      if (allowed()) {
        vacuumNow();
      }
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Could not vacuum the outbox ("
                  + e.getMessage()
                  + "); the next try comes after another "
                  + VACUUM_ROWS
                  + " rows");
    } finally {
      vacuumPace.finished();
    }
  }

  private void recountIfMiscounted() {
    try {
      if (!allowed()) {
        return;
      }
      OutboxRowCounts counts = store.rowCounts();
      if (counts.misleadPlanner()) {
        vacuumNow();
        LOG.info(
            () ->
                String.format(
                    "Vacuumed the outbox to count its rows again: the planner counted %.0f of"
                        + " about %d",
                    counts.planned(), counts.live()));
      }
      statisticsFailing = false;
    } catch (RuntimeException e) {
      if (!statisticsFailing) {
        LOG.warning(
            () ->
                "Could not check the outbox's statistics ("
                    + e.getMessage()
                    + "); trying every second, quietly until it works again");
      }
      statisticsFailing = true;
    } finally {
      statisticsPace.finished();
    }
  }

  private void vacuumNow() {
    store.vacuum().forEach(warning -> LOG.warning(() -> "Vacuuming the outbox: " + warning));
  }

  private boolean allowed() {
    if (allowed == null) {
      allowed = store.mayVacuum();
      if (!allowed) {
        LOG.warning(
            "The database user does not own the outbox table, so PiCloud cannot vacuum it;"
                + " settled rows stay in it and its row count ages until autovacuum comes");
      }
    }
    return allowed;
  }
}
