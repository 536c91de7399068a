package dev.picloud.runtime.sandbox;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Fresh globals made ahead of time on a background thread, so a run does not pay the ~0.5 ms a new
 * Nashorn global with the prelude costs. Each global is taken once; when the pool is empty (a
 * burst), the run makes its own.
 */
public final class GlobalPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GlobalPool.class.getName());
  private static final long RETRY_MILLIS = 1000;

  private final Sandbox sandbox;
  private final BlockingQueue<PreparedGlobal> ready;
  private final Thread refill;
  private volatile boolean closed;

  public GlobalPool(Sandbox sandbox, int capacity, ThreadFactory threads) {
    this.sandbox = sandbox;
    this.ready = new ArrayBlockingQueue<>(capacity);
    this.refill = threads.newThread(this::refill);
    refill.start();
  }

  public PreparedGlobal take() {
    PreparedGlobal global = ready.poll();
    return global != null ? global : sandbox.prepare();
  }

  /** How many globals are ready now. */
  public int ready() {
    return ready.size();
  }

  @Override
  public void close() {
    closed = true;
    refill.interrupt();
  }

  private void refill() {
    while (!closed) {
      try {
        ready.put(sandbox.prepare());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Could not prepare a script global; retrying", e);
        if (!pause()) {
          return;
        }
      }
    }
  }

  private boolean pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
