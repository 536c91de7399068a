package dev.picloud.runtime.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Admission to script execution: at most {@code globalCap} runs at once on this node
 * (PICLOUD_MAX_CONCURRENT_EXECUTIONS) and at most {@code perAppCap} for any one app, so one busy
 * app cannot take every slot. A caller without a permit answers 503 {@code overloaded} with
 * Retry-After; the dispatcher asks before it claims work, so a full node leaves rows for other
 * nodes.
 *
 * <p>The executor has one thread per global slot, so a permit holder always gets a thread at once.
 * The critical section is a few field updates, so a plain monitor is enough.
 */
public final class ExecutionGate {
  private final int globalCap;
  private final int perAppCap;
  private final Map<UUID, Integer> perApp = new HashMap<>();
  private int inUse;

  public ExecutionGate(int globalCap, int perAppCap) {
    if (globalCap < 1 || perAppCap < 1) {
      throw new IllegalArgumentException("caps must be positive");
    }
    this.globalCap = globalCap;
    this.perAppCap = perAppCap;
  }

  /** A permit for one run of {@code appId}'s script, or empty when either cap is reached. */
  public synchronized Optional<Permit> tryAcquire(UUID appId) {
    int ofApp = perApp.getOrDefault(appId, 0);
    if (inUse >= globalCap || ofApp >= perAppCap) {
      return Optional.empty();
    }
    inUse++;
    perApp.put(appId, ofApp + 1);
    return Optional.of(new Permit(appId));
  }

  public synchronized int inUse() {
    return inUse;
  }

  public synchronized int inUse(UUID appId) {
    return perApp.getOrDefault(appId, 0);
  }

  public int globalCap() {
    return globalCap;
  }

  private synchronized void release(UUID appId) {
    inUse--;
    int left = perApp.get(appId) - 1;
    if (left == 0) {
      perApp.remove(appId);
    } else {
      perApp.put(appId, left);
    }
  }

  /** One admitted run; closing it (once, further closes do nothing) frees the slot. */
  public final class Permit implements AutoCloseable {
    private final UUID appId;
    private boolean closed;

    private Permit(UUID appId) {
      this.appId = appId;
    }

    public UUID appId() {
      return appId;
    }

    @Override
    public void close() {
      synchronized (ExecutionGate.this) {
        if (closed) {
          return;
        }
        closed = true;
        release(appId);
      }
    }
  }
}
