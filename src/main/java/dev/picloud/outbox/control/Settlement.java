package dev.picloud.outbox.control;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What becomes of an async row after an attempt (SPEC 7.3): a success completes it; a failure is
 * retried after the policy's backoff with jitter, or dead-lettered once the attempts are used up.
 * Sync rows never get here: they complete whatever happened.
 */
public sealed interface Settlement {
  /** Delete the row. */
  record Complete() implements Settlement {}

  /** Back to the queue after {@code delay}, with the failure in its history. */
  record Retry(Duration delay, AttemptError error) implements Settlement {}

  /** Move the row to dead letters with the failure as its last error. */
  record DeadLetter(AttemptError error) implements Settlement {}

  /**
   * @param failure empty for a success
   * @param attempts runs so far, this one included (counted at claim)
   */
  public static Settlement decide(
      Optional<AttemptError> failure,
      int attempts,
      RetryPolicy policy,
      int jitterPct,
      DoubleSupplier random) {
    if (failure.isEmpty()) {
      return new Complete();
    }
    if (policy.exhausted(attempts)) {
      return new DeadLetter(failure.get());
    }
    return new Retry(policy.nextDelay(attempts, jitterPct, random), failure.get());
  }
}
