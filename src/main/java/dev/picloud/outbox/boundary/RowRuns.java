package dev.picloud.outbox.boundary;

import dev.picloud.logs.boundary.ExecutionLogWriter;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.outbox.control.AttemptError;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.ExecutionGate;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.Services;
import dev.picloud.scripts.boundary.ScriptRuns;
import dev.picloud.scripts.control.RequestJson;
import dev.picloud.scripts.control.ScriptStore;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed row: checks it may run, takes an execution slot, builds the run from the row's
 * payload and hands the outcome to {@link RowSettlement} on a settling thread, so script threads
 * only ever run scripts.
 */
@ApplicationScoped
public class RowRuns {
  private static final Logger LOG = Logger.getLogger(RowRuns.class.getName());

  /** Time a run needs after its wall clock to be settled: a claim's lease covers both. */
  private static final Duration SETTLE_MARGIN = Duration.ofSeconds(5);

  @Resource ManagedThreadFactory threads;
  @Inject ScriptRuntime runtime;
  @Inject ScriptStore scripts;
  @Inject ScriptRuns runs;
  @Inject OutboxSettles settles;
  @Inject RowSettlement settlement;
  @Inject Dispatcher dispatcher;
  @Inject ExecutionLogWriter logs;
  @Inject DispatchMetrics metrics;
  @Inject Settings settings;
  @Inject Clock clock;

  private final AtomicInteger inFlight = new AtomicInteger();
  private ExecutorService settlers;

  @PostConstruct
  void start() {
    settlers =
        Executors.newFixedThreadPool(Math.max(2, settings.maxConcurrentExecutions()), threads);
  }

  @PreDestroy
  void stop() {
    settlers.shutdown();
  }

  /** Starts the row's run; false when the row went back because its app has no free slot. */
  public boolean start(ClaimedRow row) {
    if (row.triggerDepth() > settings.maxTriggerDepth()) {
      settlement.dropTooDeep(row);
      return true;
    }
    if (!row.sync() && row.attemptCount() > settlement.policyFor(row).maxAttempts()) {
      settlement.exhaustedByLostWorkers(row);
      return true;
    }
    Optional<ExecutionGate.Permit> permit = runtime.gate().tryAcquire(row.appId());
    if (permit.isEmpty()) {
      settles.release(row.claim());
      return false;
    }
    inFlight.incrementAndGet();
    try {
      launch(row, permit.get());
    } catch (RuntimeException e) {
      permit.get().close();
      inFlight.decrementAndGet();
      LOG.log(Level.SEVERE, "Could not start outbox row " + row.id(), e);
      settlement.failedToStart(
          row, new AttemptError("internal", String.valueOf(e.getMessage()), 500));
    }
    return true;
  }

  /** Waits until no run started here is still running or settling. */
  void awaitIdle(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  private void launch(ClaimedRow row, ExecutionGate.Permit permit) {
    Optional<RunnableScript> found = scripts.findForRun(row.scriptId());
    if (found.isEmpty()) {
      throw new IllegalStateException("script " + row.scriptId() + " no longer exists");
    }
    RunnableScript script = found.get();
    JsonObject payload = Json.createReader(new StringReader(row.payloadJson())).readObject();
    RequestData request = RequestJson.fromJson(payload.getJsonObject("request"));
    var spec =
        new ScriptRuns.RunSpec(
            request,
            Optional.empty(),
            row.executionId(),
            row.rootExecutionId(),
            payload.getString("request_id", row.executionId().toString()),
            Invocation.HTTP,
            row.attemptCount(),
            row.triggerDepth(),
            !row.sync(),
            Optional.empty(),
            Services.none());
    var run = runs.prepare(script, spec);
    extendLeaseIfNeeded(row, run.limits().wallClock());
    long queuedMs = queuedMillis(row);
    metrics.pickedUp(queuedMs);
    var log =
        new RunLogs.RunOf(
            row.appId(),
            row.scriptId(),
            row.executionId(),
            row.rootExecutionId(),
            null,
            row.triggerId(),
            Invocation.HTTP.wireName(),
            row.attemptCount());
    runtime
        .submit(run)
        .whenComplete(
            (outcome, failure) -> {
              permit.close();
              dispatcher.wake();
              settlers.execute(() -> finish(row, request, log, outcome, failure, queuedMs));
            });
  }

  private void finish(
      ClaimedRow row,
      RequestData request,
      RunLogs.RunOf log,
      RunOutcome outcome,
      Throwable failure,
      long queuedMs) {
    try {
      if (failure != null) {
        LOG.log(Level.SEVERE, "Run of outbox row " + row.id() + " failed in the platform", failure);
        settlement.failedToStart(row, new AttemptError("internal", String.valueOf(failure), 500));
        return;
      }
      logs.write(RunLogs.of(log, request, outcome, queuedMs, clock.instant()));
      metrics.executed(row.appId(), outcome.status());
      settlement.settle(row, outcome);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "Could not settle outbox row " + row.id() + "; its lease will expire", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void extendLeaseIfNeeded(ClaimedRow row, Duration wallClock) {
    Duration needed = wallClock.plus(SETTLE_MARGIN);
    if (needed.compareTo(settings.outboxLease()) > 0) {
      settles.extendLease(row.claim(), needed);
    }
  }

  /** From when the row became due to when it was claimed, both on the database clock. */
  private long queuedMillis(ClaimedRow row) {
    Instant due =
        row.nextAttemptAt().isAfter(row.createdAt()) ? row.nextAttemptAt() : row.createdAt();
    return Math.max(0, Duration.between(due, row.claimedAt()).toMillis());
  }
}
