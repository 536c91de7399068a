package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy defaults = new RetryPolicy(3, Backoff.EXPONENTIAL, 1000);

  @Test
  void maxAttemptsCountsEveryRunTheFirstIncluded() {
    assertThat(defaults.exhausted(1)).isFalse();
    assertThat(defaults.exhausted(2)).isFalse();
    assertThat(defaults.exhausted(3)).isTrue();
    assertThat(defaults.exhausted(4)).as("a rescued row can come back over the limit").isTrue();
    assertThat(new RetryPolicy(1, Backoff.CONSTANT, 0).exhausted(1)).isTrue();
  }

  @Test
  void nextDelayIsTheBackoffOfTheFailedAttemptWithJitter() {
    assertThat(defaults.nextDelay(1, 20, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.nextDelay(2, 20, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.nextDelay(2, 20, () -> 0.0)).isEqualTo(Duration.ofMillis(1600));
    assertThat(new RetryPolicy(5, Backoff.LINEAR, 500).nextDelay(3, 0, () -> 0.9))
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aPolicyThatCannotRunIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Backoff.CONSTANT, 1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Backoff.CONSTANT, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, null, 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
