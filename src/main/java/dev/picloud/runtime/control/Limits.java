package dev.picloud.runtime.control;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * The limits of one run (SPEC 6.5). A script's limits are the defaults for its dispatch mode, then
 * its own overrides, then clamped by the instance ceilings.
 *
 * <p>Defaults, sync / async: wall clock 10 s / 60 s; operations (loop iterations, function calls
 * and the element count of bulk built-ins) 100 M / 600 M; CPU time 5 s / 30 s; allocation 256 MiB /
 * 1 GiB (bytes the run's thread allocates, garbage included); stack depth 400 script calls (a 1 MiB
 * thread stack holds about 1,700); log 64 KiB; response body 1 MiB.
 */
public record Limits(
    Duration wallClock,
    long operations,
    Duration cpuTime,
    long allocationBytes,
    int stackDepth,
    int logBytes,
    int responseBytes) {
  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;

  public Limits {
    requirePositive("wall_clock_ms", wallClock.toMillis());
    requirePositive("operations", operations);
    requirePositive("cpu_time_ms", cpuTime.toMillis());
    requirePositive("allocation_bytes", allocationBytes);
    requirePositive("stack_depth", stackDepth);
    requirePositive("log_bytes", logBytes);
    requirePositive("response_bytes", responseBytes);
  }

  public static Limits defaults(boolean async) {
    return async
        ? new Limits(
            Duration.ofSeconds(60),
            600_000_000L,
            Duration.ofSeconds(30),
            1024L * MIB,
            400,
            64 * KIB,
            MIB)
        : new Limits(
            Duration.ofSeconds(10),
            100_000_000L,
            Duration.ofSeconds(5),
            256L * MIB,
            400,
            64 * KIB,
            MIB);
  }

  /** Default instance ceilings: what no script may exceed whatever its overrides say. */
  public static Limits ceilings() {
    return new Limits(
        Duration.ofMinutes(5),
        10_000_000_000L,
        Duration.ofMinutes(5),
        4096L * MIB,
        1000,
        MIB,
        10 * MIB);
  }

  /** Each limit, lowered to the ceiling's when it is higher. */
  public Limits clampedBy(Limits ceilings) {
    return new Limits(
        min(wallClock, ceilings.wallClock),
        Math.min(operations, ceilings.operations),
        min(cpuTime, ceilings.cpuTime),
        Math.min(allocationBytes, ceilings.allocationBytes),
        Math.min(stackDepth, ceilings.stackDepth),
        Math.min(logBytes, ceilings.logBytes),
        Math.min(responseBytes, ceilings.responseBytes));
  }

  /**
   * These limits with a script's overrides applied, e.g. {@code {"wall_clock_ms": 2000}}.
   *
   * @throws InvalidLimitException naming the first unknown key or unusable value
   */
  public Limits withOverrides(JsonObject overrides) {
    return LimitOverrides.apply(this, overrides);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void requirePositive(String key, long value) {
    if (value <= 0) {
      throw new InvalidLimitException(key, "must be a positive integer");
    }
  }
}
