package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  private static final DoubleSupplier LOWEST = () -> 0.0;
  private static final DoubleSupplier MIDDLE = () -> 0.5;
  private static final DoubleSupplier HIGHEST = () -> Math.nextDown(1.0);

  @ParameterizedTest(name = "{0} base {1} after attempt {2} -> {3} ms")
  @CsvSource({
    "EXPONENTIAL, 1000, 1, 1000",
    "EXPONENTIAL, 1000, 2, 2000",
    "EXPONENTIAL, 1000, 3, 4000",
    "EXPONENTIAL, 1000, 11, 1024000",
    "EXPONENTIAL, 1000, 21, 1048576000",
    "EXPONENTIAL, 1000, 22, 1048576000",
    "EXPONENTIAL, 1000, 2147483647, 1048576000",
    "EXPONENTIAL, 0, 5, 0",
    "LINEAR, 1000, 1, 1000",
    "LINEAR, 1000, 2, 2000",
    "LINEAR, 1000, 7, 7000",
    "LINEAR, 250, 40, 10000",
    "CONSTANT, 1000, 1, 1000",
    "CONSTANT, 1000, 50, 1000",
  })
  void delaysFollowTheKindsFormula(Backoff backoff, long base, int attempt, long expected) {
    assertThat(backoff.delayMillis(base, attempt)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} saturates instead of overflowing")
  @CsvSource({"EXPONENTIAL, 30", "LINEAR, 2147483647"})
  void hugeDelaysSaturateInsteadOfOverflowing(Backoff backoff, int attempt) {
    assertThat(backoff.delayMillis(Long.MAX_VALUE / 4, attempt)).isEqualTo(Long.MAX_VALUE);
    assertThat(Backoff.jittered(Long.MAX_VALUE, 20, HIGHEST)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void jitterStaysWithinPlusOrMinusThePercentage() {
    assertThat(Backoff.jittered(1000, 20, LOWEST)).isEqualTo(800);
    assertThat(Backoff.jittered(1000, 20, MIDDLE)).isEqualTo(1000);
    assertThat(Backoff.jittered(1000, 20, HIGHEST)).isBetween(1199L, 1200L);
    assertThat(Backoff.jittered(1000, 0, HIGHEST)).isEqualTo(1000);
  }

  @Test
  void jitterNeverGoesBelowZero() {
    assertThat(Backoff.jittered(1000, 150, LOWEST)).isZero();
    assertThat(Backoff.jittered(0, 20, LOWEST)).isZero();
  }

  @Test
  void jitterOverManyDrawsCoversTheRangeAndNoMore() {
    java.util.Random random = new java.util.Random(42);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 10_000; i++) {
      long delay = Backoff.jittered(10_000, 20, random::nextDouble);
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertThat(min).isBetween(8_000L, 8_050L);
    assertThat(max).isBetween(11_950L, 12_000L);
  }

  @Test
  void nonsenseInputsAreRefused() {
    assertThatThrownBy(() -> Backoff.LINEAR.delayMillis(1000, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.CONSTANT.delayMillis(-1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.jittered(1000, -1, MIDDLE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wireNamesAreTheStoredVocabulary() {
    assertThat(Backoff.EXPONENTIAL.wire()).isEqualTo("exponential");
    assertThat(Backoff.fromWire("linear")).isEqualTo(Backoff.LINEAR);
    assertThat(Backoff.fromWire("constant")).isEqualTo(Backoff.CONSTANT);
  }
}
