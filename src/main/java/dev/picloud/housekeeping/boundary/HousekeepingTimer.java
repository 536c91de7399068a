package dev.picloud.housekeeping.boundary;

import dev.picloud.housekeeping.control.HousekeepingStore;
import dev.picloud.housekeeping.control.RetentionSweep;
import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.platform.control.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The housekeeping timer, an inbound adapter: a sweep {@link #FIRST_DELAY} after the database is
 * ready (out of start-up's way), then every day, and again soon after a sweep that failed. Every
 * node sweeps; SKIP LOCKED keeps them from blocking each other. No transaction: each batch commits
 * on its own, so locks last one batch.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HousekeepingTimer {
  static final Duration FIRST_DELAY = Duration.ofSeconds(90);
  static final Duration PERIOD = Duration.ofDays(1);

  /** After a failed sweep (the database away, say), rather than a day later. */
  static final Duration RETRY = Duration.ofMinutes(15);

  private static final Logger LOG = Logger.getLogger(HousekeepingTimer.class.getName());

  @Resource TimerService timers;
  @Inject HousekeepingStore store;
  @Inject Settings settings;
  @Inject Clock clock;

  public void schedule(@Observes DatabaseReady ready) {
    timers.createIntervalTimer(
        FIRST_DELAY.toMillis(), PERIOD.toMillis(), new TimerConfig(null, false));
  }

  @Timeout
  void sweep() {
    long started = System.nanoTime();
    try {
      RetentionSweep.Swept swept = new RetentionSweep(store, clock, settings.retention()).run();
      long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      LOG.info(
          () ->
              "Housekeeping deleted "
                  + swept.deadLetters()
                  + " dead letters, "
                  + swept.abandonedExecutions()
                  + " abandoned executions, "
                  + swept.executionLogs()
                  + " execution logs, "
                  + swept.sessions()
                  + " expired sessions and "
                  + swept.idempotencyKeys()
                  + " idempotency keys in "
                  + millis
                  + " ms");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Housekeeping sweep failed; retrying in " + RETRY.toMinutes() + " min", e);
      timers.createSingleActionTimer(RETRY.toMillis(), new TimerConfig(null, false));
    }
  }
}
