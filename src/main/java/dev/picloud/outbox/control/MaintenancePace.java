package dev.picloud.outbox.control;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a node runs one kind of upkeep of the outbox (a vacuum, a look at its statistics): once
 * {@code rows} rows have left the queue through it since the last one began (none for upkeep paced
 * by time alone), no sooner than {@code interval} after that one began, and never two at once. Rows
 * are counted by one thread (the dispatcher's loop); the upkeep may finish on another.
 */
public final class MaintenancePace {
  private final int rows;
  private final Duration interval;
  private final AtomicBoolean running = new AtomicBoolean();
  private int taken;
  private Instant lastStart = Instant.EPOCH;

  public MaintenancePace(int rows, Duration interval) {
    this.rows = rows;
    this.interval = interval;
  }

  /**
   * Counts {@code count} more rows taken off the queue (zero just asks again); true when the upkeep
   * is to start now, which counts as started.
   */
  public boolean taken(int count, Instant now) {
    taken += count;
    if (taken < rows
        || now.isBefore(lastStart.plus(interval))
        || !running.compareAndSet(false, true)) {
      return false;
    }
    taken = 0;
    lastStart = now;
    return true;
  }

  /** The upkeep {@link #taken} started has ended, done or failed. */
  public void finished() {
    running.set(false);
  }
}
