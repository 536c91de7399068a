package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.OutboxReads;
import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.ScriptRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The data plane's Prometheus metrics (SPEC 10), served at {@code /metrics}. */
@ApplicationScoped
public class DispatchMetrics {
  @Inject MetricRegistry registry;
  @Inject OutboxReads reads;
  @Inject ScriptRuntime runtime;

  void register(@Observes DatabaseReady ready) {
    registry.gauge("picloud.outbox.depth", reads, OutboxReads::depth);
    registry.gauge("picloud.outbox.oldest.due.age.ms", reads, OutboxReads::oldestDueAgeMillis);
    registry.gauge("picloud.script.threads.stuck", runtime, ScriptRuntime::stuckThreads);
  }

  /** Row due → claimed, in milliseconds. */
  public void pickedUp(long millis) {
    registry.timer("picloud.outbox.pickup").update(Duration.ofMillis(millis));
  }

  public void executed(UUID appId, RunStatus status) {
    registry
        .counter(
            "picloud.executions",
            new Tag("app", appId.toString()),
            new Tag("status", status.name().toLowerCase(Locale.ROOT)))
        .inc();
  }

  public void abandoned() {
    registry.counter("picloud.abandoned.executions").inc();
  }

  public void depthExceeded() {
    registry.counter("picloud.trigger.depth.exceeded").inc();
  }
}
