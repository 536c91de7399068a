package dev.picloud.runtime.boundary;

import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.ScriptRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready once more script threads are stuck (code the sandbox could not stop, such as a runaway
 * regular expression) than PICLOUD_MAX_STUCK_THREADS allows: the node should be replaced.
 */
@Readiness
@ApplicationScoped
public class StuckThreadsReadiness implements HealthCheck {
  @Inject ScriptRuntime runtime;
  @Inject Settings settings;

  @Override
  public HealthCheckResponse call() {
    int stuck = runtime.stuckThreads();
    return HealthCheckResponse.named("script-threads")
        .status(stuck <= settings.maxStuckThreads())
        .withData("stuck", stuck)
        .withData("limit", settings.maxStuckThreads())
        .build();
  }
}
