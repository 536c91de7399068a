package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxRecovery;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.RunnableRow;
import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.ExecutionGate;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims due outbox rows and starts their runs, as many at once as the execution gate has room for,
 * so a full gate never claims (and never costs an attempt). One loop thread per node: it sleeps
 * until {@link #wake} (a row written on this node, the heartbeat) or {@link #slotFreed} and claims
 * in batches with one SKIP LOCKED statement. Sync rows come written already claimed by this node
 * ({@link #runHere}) and wait in memory for a slot; a round that starts only those is followed by
 * one that claims from the table first, so a stream of sync requests cannot starve the queue.
 *
 * <p>Every round counts the rows it took towards the next upkeep of the outbox ({@link
 * OutboxMaintenance}).
 *
 * <p>The table is asked only when it may hold due rows: after a wake-up, or when the last claim
 * filled every slot it asked for, or rows went back. A sync request or a finished run alone costs
 * no claim statement, which would find nothing.
 */
@ApplicationScoped
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final int BATCH = 64;
  private static final long IDLE_WAIT_MS = 1_000;
  private static final long STOP_WAIT_MS = 30_000;

  @Resource ManagedThreadFactory threads;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject OutboxStore store;
  @Inject OutboxRecovery recovery;
  @Inject RowRuns runs;
  @Inject OutboxMaintenance maintenance;
  @Inject ScriptRuntime runtime;
  @Inject Settings settings;
  @Inject Clock clock;

  /** Rows handed over by {@link #runHere}, oldest first. */
  private final Queue<RunnableRow> local = new ConcurrentLinkedQueue<>();

  /** The last round claimed nothing from the table: this one claims first (loop thread only). */
  private boolean tableTurn;

  /** Rows may be due in the table: set by every wake-up, cleared by a claim that found them all. */
  private final AtomicBoolean tableMayHaveRows = new AtomicBoolean(true);

  private final Object signal = new Object();
  private boolean signalled;
  private volatile boolean running;
  private volatile Instant lastLoop = Instant.EPOCH;
  private Thread loop;
  private ScheduledThreadPoolExecutor timers;

  void start(@Observes DatabaseReady ready) {
    timers = new ScheduledThreadPoolExecutor(1, threads);
    timers.setRemoveOnCancelPolicy(true);
    rescueWhatThisNodeLeft();
    running = true;
    loop = threads.newThread(this::loop);
    loop.setName("picloud-dispatcher");
    loop.setDaemon(true);
    loop.start();
  }

  /**
   * Claims this node id held before a crash cannot be running any more: they go back to the queue
   * now (as worker_lost) instead of when their leases expire.
   */
  private void rescueWhatThisNodeLeft() {
    int rescued;
    int total = 0;
    do {
      rescued = recovery.rescueLeftBy(settings.nodeId(), BATCH).size();
      total += rescued;
    } while (rescued == BATCH);
    if (total > 0) {
      int count = total;
      LOG.warning(() -> "Recovered " + count + " outbox rows this node held when it last stopped");
    }
  }

  /** Starts a row written already claimed by this node (a sync request's) once a slot is free. */
  public void runHere(RunnableRow row) {
    local.add(row);
    signal();
  }

  /** Rows may be due in the table: claim now instead of at the next heartbeat. */
  public void wake() {
    tableMayHaveRows.set(true);
    signal();
  }

  /** A run finished: rows waiting for a slot, in memory or in the table, may start now. */
  public void slotFreed() {
    signal();
  }

  private void signal() {
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  /**
   * Wakes the loop once the current transaction has committed its new rows (at once when there is
   * no transaction): woken earlier, it would find nothing to claim.
   */
  public void wakeAfterCommit() {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      wake();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              wake();
            }
          }
        });
  }

  /**
   * Wakes the loop when a row this node just rescheduled falls due, so a retry runs on its backoff
   * schedule rather than at the next heartbeat.
   */
  public void wakeIn(Duration delay) {
    if (timers != null) {
      // A few milliseconds late, so the rescheduling transaction has committed by then.
      timers.schedule(this::wake, delay.toMillis() + 5, TimeUnit.MILLISECONDS);
    }
  }

  /** When the loop last went round; the readiness check reads it. */
  public Instant lastLoop() {
    return lastLoop;
  }

  public boolean alive() {
    return loop != null && loop.isAlive();
  }

  /**
   * Graceful stop, before any application-scoped bean is destroyed (the runtime and the log writer
   * are still there): stop claiming, let running scripts finish, give back what is left.
   */
  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    running = false;
    if (timers != null) {
      timers.shutdownNow();
    }
    signal();
    if (loop == null) {
      return;
    }
    try {
      loop.join(STOP_WAIT_MS);
      runs.awaitIdle(STOP_WAIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var released = recovery.releaseAllClaimedBy(settings.nodeId());
    LOG.info(
        () ->
            "Dispatcher stopped; released "
                + released.released()
                + " claims, dropped "
                + released.dropped()
                + " sync rows");
  }

  private void loop() {
    while (running) {
      lastLoop = clock.instant();
      try {
        if (!claimAndStart()) {
          await(IDLE_WAIT_MS);
        }
      } catch (RuntimeException e) {
        // The loop is the node's only dispatcher: whatever went wrong, it must go round again,
        // asking the table, whose rows the failed round may not have reached.
        tableMayHaveRows.set(true);
        LOG.log(Level.SEVERE, "A dispatcher round failed; going on after a pause", e);
        await(IDLE_WAIT_MS);
      }
    }
  }

  /**
   * One round: starts as many rows as the gate has room for, this node's claimed rows and rows
   * claimed from the table, one or the other first by turns. False when there is nothing to do
   * until a wake-up: the gate is full, the rows already run wait to be settled ({@link
   * RowRuns#UNSETTLED_PER_SLOT}), nothing is due, or rows went back (an app at its own concurrency
   * cap, a row that could not be started).
   */
  boolean claimAndStart() {
    ExecutionGate gate = runtime.gate();
    int room =
        Math.min(
            Math.min(gate.globalCap() - gate.inUse(), runs.unsettledRoom(gate.globalCap())), BATCH);
    if (room <= 0) {
      return false;
    }
    List<ClaimedRow> rows = new ArrayList<>(room);
    Map<UUID, RunnableScript> scripts = new HashMap<>();
    boolean claimed = tableTurn;
    if (claimed) {
      claim(room).forEach(row -> add(row, rows, scripts));
    }
    takeLocal(rows, scripts, room);
    if (!claimed && rows.size() < room) {
      claim(room - rows.size()).forEach(row -> add(row, rows, scripts));
      claimed = true;
    }
    tableTurn = !claimed;
    maintenance.taken(rows.size());
    if (rows.isEmpty()) {
      return false;
    }
    if (!runs.startAll(rows, scripts)) {
      tableMayHaveRows.set(true);
      return false;
    }
    return true;
  }

  /**
   * Adds the rows handed over to this node to {@code rows}, oldest first, up to {@code room}, and
   * the scripts their inserts read to {@code scripts}.
   */
  private void takeLocal(List<ClaimedRow> rows, Map<UUID, RunnableScript> scripts, int room) {
    RunnableRow next;
    while (rows.size() < room && (next = local.poll()) != null) {
      add(next, rows, scripts);
    }
  }

  private static void add(
      RunnableRow next, List<ClaimedRow> rows, Map<UUID, RunnableScript> scripts) {
    rows.add(next.row());
    next.script().ifPresent(script -> scripts.put(script.id(), script));
  }

  /**
   * Claims up to {@code max} due rows, with their scripts, when the table may have some. A claim
   * that fills every slot it asked for may have left more behind; a failed one (the database is
   * away) is no rows, and the loop pauses once, then retries.
   */
  private List<RunnableRow> claim(int max) {
    if (!tableMayHaveRows.getAndSet(false)) {
      return List.of();
    }
    try {
      List<RunnableRow> claimed = store.claim(settings.nodeId(), max, settings.outboxLease());
      if (claimed.size() == max) {
        tableMayHaveRows.set(true);
      }
      return claimed;
    } catch (RuntimeException e) {
      tableMayHaveRows.set(true);
      LOG.warning(() -> "Cannot claim outbox rows (" + e.getMessage() + "); retrying");
      return List.of();
    }
  }

  private void await(long millis) {
    synchronized (signal) {
      if (!signalled && running) {
        try {
          signal.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      signalled = false;
    }
  }
}
