package dev.picloud.runtime.control;

import dev.picloud.runtime.sandbox.Meter;
import dev.picloud.runtime.sdk.LogBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run in progress as the watchdog sees it. It ends exactly once: finished by its thread, or
 * abandoned by the watchdog (the caller gets a timeout, the thread is counted as stuck).
 */
final class ActiveRun {
  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int ABANDONED = 2;

  private final Meter meter;
  private final LogBuffer log;
  private final CompletableFuture<RunOutcome> future;
  private final Thread thread;
  private final AtomicInteger state = new AtomicInteger(RUNNING);

  ActiveRun(Meter meter, LogBuffer log, CompletableFuture<RunOutcome> future, Thread thread) {
    this.meter = meter;
    this.log = log;
    this.future = future;
    this.thread = thread;
  }

  Meter meter() {
    return meter;
  }

  Thread thread() {
    return thread;
  }

  /** Delivers the outcome; false if the watchdog abandoned the run first. */
  boolean finish(RunOutcome outcome) {
    if (!state.compareAndSet(RUNNING, FINISHED)) {
      return false;
    }
    future.complete(outcome);
    return true;
  }

  /** Answers the caller with a timeout now; false if the run finished first. */
  boolean abandon() {
    if (!state.compareAndSet(RUNNING, ABANDONED)) {
      return false;
    }
    meter.stop(Budget.WALL_CLOCK);
    future.complete(
        RunOutcome.exceeded(
            Budget.WALL_CLOCK,
            "the script ran past its wall-clock limit and could not be stopped; its thread was"
                + " abandoned",
            log.lines(),
            log.truncated(),
            Duration.ofNanos(System.nanoTime() - meter.startNanos())));
    // In case the script waits in a blocking call (a future SDK module doing I/O).
    thread.interrupt();
    return true;
  }
}
