package dev.picloud.outbox.boundary;

import dev.picloud.logs.boundary.ExecutionLogWriter;
import dev.picloud.logs.control.ExecutionLog;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.outbox.control.AttemptError;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.ExecutionGate;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.scripts.boundary.ScriptRuns;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed row: plans it ({@link RowPlans}), takes an execution slot, runs the script and
 * hands the outcome to {@link RowSettlement} on a settling thread, so script threads only ever run
 * scripts.
 */
@ApplicationScoped
public class RowRuns {
  private static final Logger LOG = Logger.getLogger(RowRuns.class.getName());

  /**
   * Rows started here and not yet settled, at most this many per execution slot. A slot is freed
   * when its script ends, before its settle; unbounded, settles slower than scripts (runs writing
   * one hot KV key on a durable database) queued in memory while the dispatcher claimed on: 18,000
   * claimed rows on a 4-slot node, and sync callers' settles waiting behind them past their budget.
   */
  static final int UNSETTLED_PER_SLOT = 2;

  /** Time a run needs after its wall clock to be settled: a claim's lease covers both. */
  private static final Duration SETTLE_MARGIN = Duration.ofSeconds(5);

  @Resource ManagedThreadFactory threads;
  @Inject ScriptRuntime runtime;
  @Inject RowPlans plans;
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

  /**
   * Starts the runs of a claimed batch with the scripts the statements that claimed its rows read
   * (a row whose script is not among them is not run: the script is gone); false when a row went
   * back because its app has no free slot or it could not be started.
   */
  public boolean startAll(List<ClaimedRow> rows, Map<UUID, RunnableScript> scripts) {
    boolean allStarted = true;
    for (ClaimedRow row : rows) {
      allStarted &= startOrGiveBack(row, scripts);
    }
    return allStarted;
  }

  /**
   * One row's failure to start or to be settled unrun (the database went away mid-batch) gives that
   * row back and leaves the rest of the batch to start.
   */
  private boolean startOrGiveBack(ClaimedRow row, Map<UUID, RunnableScript> scripts) {
    try {
      return start(row, scripts);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not start or settle outbox row " + row.id() + "; giving it back",
          e);
      giveBack(row);
      return false;
    }
  }

  private void giveBack(ClaimedRow row) {
    try {
      settles.release(row.claim());
    } catch (RuntimeException e) {
      LOG.warning(() -> "Outbox row " + row.id() + " stays claimed until its lease expires: " + e);
    }
  }

  private boolean start(ClaimedRow row, Map<UUID, RunnableScript> scripts) {
    if (settlement.withdrawnUnrun(row)) {
      return true;
    }
    if (row.triggerDepth() > settings.maxTriggerDepth()) {
      settlement.dropTooDeep(row);
      return true;
    }
    RowPlan plan;
    try {
      plan = plans.plan(row, scripts);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Outbox row " + row.id() + " cannot be read", e);
      settlement.notRun(row, Optional.empty(), new RowPlan.Refusal("unreadable row: " + e, false));
      return true;
    }
    if (plan.refusal().isPresent()) {
      logs.write(RunLogs.refused(plan.log(), plan.refusal().get().reason(), clock.instant()));
      settlement.notRun(row, plan.handledDeadLetter(), plan.refusal().get());
      return true;
    }
    if (!row.sync() && !plan.handler() && row.attemptCount() > plan.policy().maxAttempts()) {
      settlement.exhaustedByLostWorkers(row);
      return true;
    }
    Optional<ExecutionGate.Permit> permit = runtime.gate().tryAcquire(row.appId());
    if (permit.isEmpty()) {
      giveBack(row);
      return false;
    }
    inFlight.incrementAndGet();
    try {
      launch(row, plan, permit.get());
    } catch (RuntimeException e) {
      permit.get().close();
      inFlight.decrementAndGet();
      LOG.log(Level.SEVERE, "Could not start outbox row " + row.id(), e);
      settlement.failed(
          row, plan, new AttemptError("internal", String.valueOf(e.getMessage()), 500), null);
    }
    return true;
  }

  /**
   * How many more rows may start, with {@code slots} execution slots, before the settles of those
   * already run catch up.
   */
  int unsettledRoom(int slots) {
    return slots * UNSETTLED_PER_SLOT - inFlight.get();
  }

  /** Waits until no run started here is still running or settling. */
  void awaitIdle(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  private void launch(ClaimedRow row, RowPlan plan, ExecutionGate.Permit permit) {
    var run = runs.prepare(plan.script(), plan.spec());
    extendLeaseIfNeeded(row, run.limits().wallClock());
    long queuedMs = queuedMillis(row);
    metrics.pickedUp(queuedMs);
    runtime
        .submit(run)
        .whenComplete(
            (outcome, failure) -> {
              permit.close();
              dispatcher.slotFreed();
              settlers.execute(() -> finish(row, plan, outcome, failure, queuedMs));
            });
  }

  private void finish(
      ClaimedRow row, RowPlan plan, RunOutcome outcome, Throwable failure, long queuedMs) {
    try {
      if (failure != null) {
        LOG.log(Level.SEVERE, "Run of outbox row " + row.id() + " failed in the platform", failure);
        settlement.failed(
            row, plan, new AttemptError("internal", String.valueOf(failure), 500), null);
        return;
      }
      metrics.executed(row.appId(), outcome.status());
      ExecutionLog log = RunLogs.of(plan.log(), plan.request(), outcome, queuedMs, clock.instant());
      Optional<AttemptError> notCommitted = settlement.settle(row, plan, outcome);
      logs.write(
          notCommitted.map(e -> log.failedToCommit(e.code(), e.message(), e.status())).orElse(log));
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "Could not settle outbox row " + row.id() + "; its lease will expire", e);
    } finally {
      settled();
    }
  }

  /** One row fewer in flight; if the dispatcher was held back by unsettled rows, it may go on. */
  private void settled() {
    inFlight.decrementAndGet();
    if (unsettledRoom(runtime.gate().globalCap()) <= 1) {
      dispatcher.slotFreed();
    }
  }

  private void extendLeaseIfNeeded(ClaimedRow row, Duration wallClock) {
    Duration needed = wallClock.plus(SETTLE_MARGIN);
    if (needed.compareTo(settings.outboxLease()) > 0) {
      settles.extendLease(row.claim(), needed);
    }
  }

  /** From when the row became due to when it was claimed, both on the database clock. */
  private static long queuedMillis(ClaimedRow row) {
    Instant due =
        row.nextAttemptAt().isAfter(row.createdAt()) ? row.nextAttemptAt() : row.createdAt();
    return Math.max(0, Duration.between(due, row.claimedAt()).toMillis());
  }
}
