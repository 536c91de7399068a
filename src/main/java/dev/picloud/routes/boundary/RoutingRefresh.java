package dev.picloud.routes.boundary;

import dev.picloud.platform.boundary.DatabaseState;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every second, compares the apps' routing versions with the compiled ones, so routes and domains
 * changed on another node apply here within a second (changes made here apply at once).
 */
@Singleton
public class RoutingRefresh {
  private static final Logger LOG = Logger.getLogger(RoutingRefresh.class.getName());

  @Inject RouteTables tables;
  @Inject DatabaseState database;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void refresh() {
    if (database.schemaVersion().isEmpty()) {
      return;
    }
    try {
      tables.refresh();
    } catch (RuntimeException e) {
      LOG.fine(() -> "Routing refresh skipped: " + e.getMessage());
    }
  }
}
