package dev.picloud.runtime.control;

import dev.picloud.runtime.sandbox.Meter;
import dev.picloud.runtime.sdk.LogBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches runs against their wall clock and their allocation. Over the allocation limit, or at the
 * deadline, it sets the run's stop flag (the script's next hook call ends it, normally within
 * microseconds). A run still going a grace period later is in code no hook reaches (JavaScript's
 * own RegExp backtracking, a long built-in): the watchdog answers its caller with a timeout at
 * once, counts its thread as stuck (health reads {@link #stuckThreads}) and has the pool start a
 * replacement. No thread is killed: {@code Thread.stop} is gone on Java 20+ and unsafe before.
 */
final class Watchdog implements AutoCloseable {
  private static final long TICK_MILLIS = 20;

  private final Duration grace;
  private final WorkerPool pool;
  private final Set<ActiveRun> active = ConcurrentHashMap.newKeySet();
  private final AtomicInteger stuck = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closed;

  Watchdog(Duration grace, WorkerPool pool, ThreadFactory threads) {
    this.grace = grace;
    this.pool = pool;
    this.thread = threads.newThread(this::watch);
    thread.start();
  }

  ActiveRun track(Meter meter, LogBuffer log, CompletableFuture<RunOutcome> future) {
    ActiveRun run = new ActiveRun(meter, log, future, Thread.currentThread());
    active.add(run);
    return run;
  }

  /** The run's thread is done with it; false means it had been abandoned (and counted stuck). */
  boolean release(ActiveRun run, RunOutcome outcome) {
    active.remove(run);
    if (run.finish(outcome)) {
      return true;
    }
    stuck.decrementAndGet();
    return false;
  }

  int stuckThreads() {
    return stuck.get();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    active.forEach(run -> run.meter().stop(Budget.WALL_CLOCK));
  }

  private void watch() {
    while (!closed) {
      long now = System.nanoTime();
      for (ActiveRun run : active) {
        check(run, now);
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void check(ActiveRun run, long now) {
    run.meter().stopIfOverAllocated(run.thread());
    long late = now - run.meter().deadlineNanos();
    if (late < 0) {
      return;
    }
    run.meter().stop(Budget.WALL_CLOCK);
    if (late < grace.toNanos()) {
      return;
    }
    // Counted before the run is marked abandoned, so the thread's own release (which counts
    // down) can never come first.
    stuck.incrementAndGet();
    if (run.abandon()) {
      active.remove(run);
      pool.addWorker();
    } else {
      stuck.decrementAndGet();
    }
  }
}
