package dev.picloud.outbox.control;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How an async row is retried: {@code maxAttempts} counts every run, the first included (3 means
 * one run and two retries). A trigger row uses its trigger's policy as it is at dispatch time; an
 * async http row the instance defaults.
 */
public record RetryPolicy(int maxAttempts, Backoff backoff, long baseMs) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (baseMs < 0) {
      throw new IllegalArgumentException("baseMs must not be negative");
    }
    if (backoff == null) {
      throw new IllegalArgumentException("backoff is required");
    }
  }

  /** True when {@code attempts} runs have used the policy up: dead-letter instead of retrying. */
  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /** The delay before the next run after run {@code attemptJustFailed} (1-based) failed. */
  public Duration nextDelay(int attemptJustFailed, int jitterPct, DoubleSupplier unitRandom) {
    long raw = backoff.delayMillis(baseMs, attemptJustFailed);
    return Duration.ofMillis(Backoff.jittered(raw, jitterPct, unitRandom));
  }
}
