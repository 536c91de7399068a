package dev.picloud.deadletters.boundary;

import dev.picloud.deadletters.control.DeadLetterStore;
import dev.picloud.platform.control.DatabaseReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code picloud.dead.letters.unresolved}: unresolved dead letters of every app (handler_failed
 * ones included), counted at each scrape; the count endpoint gives the same per app.
 */
@ApplicationScoped
public class DeadLetterMetrics {
  @Inject MetricRegistry registry;
  @Inject DeadLetterStore store;

  void register(@Observes DatabaseReady ready) {
    registry.gauge("picloud.dead.letters.unresolved", store, DeadLetterStore::countAllUnresolved);
  }
}
