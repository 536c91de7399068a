package dev.picloud.auth.boundary;

import dev.picloud.auth.control.SessionStore;
import dev.picloud.platform.boundary.DatabaseState;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Deletes expired sessions every hour (an EJB timer is just an inbound adapter here). */
@Singleton
public class SessionPruning {
  private static final Logger LOG = Logger.getLogger(SessionPruning.class.getName());

  @Inject SessionStore store;
  @Inject DatabaseState database;

  @Schedule(hour = "*", minute = "7", persistent = false)
  void prune() {
    if (database.schemaVersion().isEmpty()) {
      return;
    }
    int pruned = store.pruneExpired();
    if (pruned > 0) {
      LOG.fine(() -> "Pruned " + pruned + " expired sessions");
    }
  }
}
