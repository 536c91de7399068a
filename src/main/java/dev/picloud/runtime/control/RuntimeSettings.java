package dev.picloud.runtime.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the runtime is sized: execution slots (PICLOUD_MAX_CONCURRENT_EXECUTIONS) and the share one
 * app may take, the ceilings every script's limits are clamped by, how long past its deadline a run
 * may take before its thread counts as stuck, and the sizes of the compile cache and the pool of
 * globals made ahead of time.
 */
public record RuntimeSettings(
    int maxConcurrentExecutions,
    int maxConcurrentPerApp,
    Limits ceilings,
    Duration stuckGrace,
    int compiledScripts,
    int preparedGlobals,
    Clock clock) {
  public RuntimeSettings {
    if (maxConcurrentExecutions < 1 || maxConcurrentPerApp < 1) {
      throw new IllegalArgumentException("execution caps must be positive");
    }
    if (compiledScripts < 1 || preparedGlobals < 1) {
      throw new IllegalArgumentException("cache and pool sizes must be positive");
    }
    Objects.requireNonNull(ceilings);
    Objects.requireNonNull(stuckGrace);
    Objects.requireNonNull(clock);
  }

  /**
   * {@code maxConcurrentExecutions} slots, half of them (rounded up) for any one app, the default
   * ceilings, 500 ms grace, 1,024 compiled scripts, two globals ready per slot (at least 8).
   */
  public static RuntimeSettings defaults(int maxConcurrentExecutions) {
    return new RuntimeSettings(
        maxConcurrentExecutions,
        Math.max(1, (maxConcurrentExecutions + 1) / 2),
        Limits.ceilings(),
        Duration.ofMillis(500),
        1024,
        Math.max(8, 2 * maxConcurrentExecutions),
        Clock.systemUTC());
  }

  public RuntimeSettings withMaxConcurrentPerApp(int perApp) {
    return new RuntimeSettings(
        maxConcurrentExecutions,
        perApp,
        ceilings,
        stuckGrace,
        compiledScripts,
        preparedGlobals,
        clock);
  }

  public RuntimeSettings withCeilings(Limits newCeilings) {
    return new RuntimeSettings(
        maxConcurrentExecutions,
        maxConcurrentPerApp,
        newCeilings,
        stuckGrace,
        compiledScripts,
        preparedGlobals,
        clock);
  }

  public RuntimeSettings withClock(Clock newClock) {
    return new RuntimeSettings(
        maxConcurrentExecutions,
        maxConcurrentPerApp,
        ceilings,
        stuckGrace,
        compiledScripts,
        preparedGlobals,
        newClock);
  }
}
