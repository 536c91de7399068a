package dev.picloud.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the dispatcher loop is alive and went round recently (SPEC 10). */
@Readiness
@ApplicationScoped
public class DispatcherReadiness implements HealthCheck {
  private static final Duration STALE = Duration.ofSeconds(15);

  @Inject Dispatcher dispatcher;
  @Inject Clock clock;

  @Override
  public HealthCheckResponse call() {
    Instant last = dispatcher.lastLoop();
    boolean ticking = dispatcher.alive() && last.isAfter(clock.instant().minus(STALE));
    return HealthCheckResponse.named("dispatcher")
        .status(ticking)
        .withData("last_loop", last.toString())
        .build();
  }
}
