package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.OutboxRecovery;
import dev.picloud.outbox.control.Rescued;
import dev.picloud.platform.boundary.DatabaseState;
import dev.picloud.platform.control.Settings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The dispatcher's backstop, an EJB timer every second: wakes the loop (rows written by other
 * nodes, retries falling due), returns expired leases to the queue and drops sync rows whose
 * callers are gone.
 */
@Singleton
public class DispatchHeartbeat {
  private static final Logger LOG = Logger.getLogger(DispatchHeartbeat.class.getName());
  private static final int RESCUE_BATCH = 500;

  /** Added to the longest a sync caller can wait before its unclaimed row counts as orphaned. */
  private static final Duration ORPHAN_MARGIN = Duration.ofSeconds(10);

  @Inject Dispatcher dispatcher;
  @Inject OutboxRecovery recovery;
  @Inject DatabaseState database;
  @Inject Settings settings;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void beat() {
    if (database.schemaVersion().isEmpty()) {
      return;
    }
    try {
      report(recovery.rescueExpired(RESCUE_BATCH));
      Duration maxWait =
          Duration.ofSeconds(settings.sandboxCeilings().timeoutSeconds())
              .plus(settings.syncWaitGrace())
              .plus(ORPHAN_MARGIN);
      report(recovery.dropOrphanedSync(maxWait, RESCUE_BATCH));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Outbox recovery failed this beat: " + e.getMessage());
    } finally {
      // After the rescue, so the rows it returned to the queue are claimed in this beat.
      dispatcher.wake();
    }
  }

  private static void report(List<Rescued> rescued) {
    for (Rescued row : rescued) {
      LOG.warning(
          () ->
              "Outbox row "
                  + row.id()
                  + " of app "
                  + row.appId()
                  + " held by "
                  + row.node()
                  + ": "
                  + row.outcome()
                  + " after "
                  + row.attemptCount()
                  + " attempts");
    }
  }
}
