package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.Budget;
import dev.picloud.runtime.control.Limits;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The budget of one run, charged by the hooks the instrumenter puts into the script and by the
 * guards on bulk built-ins. Every call is on the run's own thread except {@link #stop}, which the
 * watchdog calls; the stop reason is therefore volatile and, once set, sticky.
 *
 * <p>The hot path is a counter increment and one volatile read; the clocks (wall, CPU, thread
 * allocation) are read every {@value #CHECK_EVERY} operations, which costs well under 1 ns per
 * operation even on a tight loop.
 */
public final class Meter {
  private static final int CHECK_EVERY = 1024;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final boolean CPU =
      THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
  private static final boolean ALLOCATION =
      THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();

  private final long startNanos;
  private final long deadlineNanos;
  private final long operationLimit;
  private final long cpuLimitNanos;
  private final long allocationLimit;
  private final int depthLimit;
  private final long cpuStart;
  private final long allocationStart;
  private volatile Budget stopped;
  private long operations;
  private long nextCheck = CHECK_EVERY;
  private int depth;

  /** Starts the clocks; call on the thread that runs the script. */
  public Meter(Limits limits) {
    startNanos = System.nanoTime();
    deadlineNanos = startNanos + limits.wallClock().toNanos();
    operationLimit = limits.operations();
    cpuLimitNanos = limits.cpuTime().toNanos();
    allocationLimit = limits.allocationBytes();
    depthLimit = limits.stackDepth();
    cpuStart = CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    allocationStart = ALLOCATION ? THREADS.getCurrentThreadAllocatedBytes() : 0;
  }

  /** One operation: a loop iteration, a function entry, a call into the SDK. */
  public void tick() {
    if (stopped != null) {
      throw new RunAborted(stopped);
    }
    if (++operations >= nextCheck) {
      check();
    }
  }

  void enter() {
    tick();
    if (++depth > depthLimit) {
      throw abort(Budget.RECURSION);
    }
  }

  void exit() {
    depth--;
  }

  /** Work a built-in is about to do in Java without calling back into the script. */
  void charge(long moreOperations, long bytes) {
    tick();
    if (bytes > 0 && allocated() + bytes > allocationLimit) {
      throw abort(Budget.MEMORY);
    }
    operations = operations + moreOperations < 0 ? Long.MAX_VALUE : operations + moreOperations;
    check();
  }

  /** Aborts the run; the reason is kept (the first one wins) and every later hook call throws. */
  RunAborted abort(Budget budget) {
    stop(budget);
    return new RunAborted(stopped);
  }

  /** Asks the run to stop at its next hook call; safe from any thread. */
  public synchronized void stop(Budget budget) {
    if (stopped == null) {
      stopped = budget;
    }
  }

  /**
   * Stops the run if {@code runner}, the thread running it, has allocated past the limit. The
   * watchdog calls this between the run's own checks, which come every {@value #CHECK_EVERY}
   * operations: a script doing much per operation (a string doubled in a loop) would otherwise
   * allocate gigabytes before its first check.
   */
  @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; the build targets 17
  public void stopIfOverAllocated(Thread runner) {
    if (ALLOCATION && overAllocated(THREADS.getThreadAllocatedBytes(runner.getId()))) {
      stop(Budget.MEMORY);
    }
  }

  public Optional<Budget> stopped() {
    return Optional.ofNullable(stopped);
  }

  public long startNanos() {
    return startNanos;
  }

  public long deadlineNanos() {
    return deadlineNanos;
  }

  private void check() {
    nextCheck = operations + CHECK_EVERY;
    if (operations > operationLimit) {
      throw abort(Budget.OPERATIONS);
    }
    if (System.nanoTime() - deadlineNanos >= 0) {
      throw abort(Budget.WALL_CLOCK);
    }
    if (CPU && THREADS.getCurrentThreadCpuTime() - cpuStart > cpuLimitNanos) {
      throw abort(Budget.CPU_TIME);
    }
    if (ALLOCATION && overAllocated(THREADS.getCurrentThreadAllocatedBytes())) {
      throw abort(Budget.MEMORY);
    }
  }

  /** Whether the run's thread, having allocated {@code threadBytes} in all, is over the limit. */
  private boolean overAllocated(long threadBytes) {
    return threadBytes - allocationStart > allocationLimit;
  }

  private long allocated() {
    return ALLOCATION ? THREADS.getCurrentThreadAllocatedBytes() - allocationStart : 0;
  }
}
