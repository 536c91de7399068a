package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettlementTest {
  private static final RetryPolicy THREE_TRIES = new RetryPolicy(3, Backoff.EXPONENTIAL, 1000);
  private static final AttemptError BOOM = new AttemptError("script_error", "boom", 502);

  @Test
  void aSuccessCompletesWhateverTheAttempt() {
    assertThat(Settlement.decide(Optional.empty(), 3, THREE_TRIES, 20, () -> 0.5))
        .isInstanceOf(Settlement.Complete.class);
  }

  @Test
  void failuresRetryWithBackoffUntilTheLastAttemptThenDeadLetter() {
    Settlement first = Settlement.decide(Optional.of(BOOM), 1, THREE_TRIES, 0, () -> 0.5);
    assertThat(first).isEqualTo(new Settlement.Retry(Duration.ofMillis(1000), BOOM));
    Settlement second = Settlement.decide(Optional.of(BOOM), 2, THREE_TRIES, 0, () -> 0.5);
    assertThat(second).isEqualTo(new Settlement.Retry(Duration.ofMillis(2000), BOOM));
    assertThat(Settlement.decide(Optional.of(BOOM), 3, THREE_TRIES, 0, () -> 0.5))
        .isEqualTo(new Settlement.DeadLetter(BOOM));
  }

  @Test
  void jitterStaysWithinItsPercentage() {
    Settlement low = Settlement.decide(Optional.of(BOOM), 1, THREE_TRIES, 20, () -> 0.0);
    Settlement high = Settlement.decide(Optional.of(BOOM), 1, THREE_TRIES, 20, () -> 0.999999);
    assertThat(((Settlement.Retry) low).delay())
        .isBetween(Duration.ofMillis(800), Duration.ofMillis(1000));
    assertThat(((Settlement.Retry) high).delay())
        .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
  }

  @Test
  void aSingleAttemptPolicyDeadLettersTheFirstFailure() {
    RetryPolicy once = new RetryPolicy(1, Backoff.CONSTANT, 0);
    assertThat(Settlement.decide(Optional.of(BOOM), 1, once, 20, () -> 0.5))
        .isInstanceOf(Settlement.DeadLetter.class);
  }
}
