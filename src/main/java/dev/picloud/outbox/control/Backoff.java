package dev.picloud.outbox.control;

import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Retry delays of SPEC 7.3, stored as {@code triggers.retry_backoff}. Pure arithmetic that
 * saturates at {@code Long.MAX_VALUE} instead of overflowing; {@code n} is the attempt that just
 * failed (1 for the first run).
 */
public enum Backoff {
  /** base × 2^(n-1), the exponent capped at 20 (about 12 days at the default 1 s base). */
  EXPONENTIAL {
    @Override
    long rawDelay(long baseMs, int attempt) {
      int exponent = Math.min(attempt - 1, MAX_EXPONENT);
      return baseMs > Long.MAX_VALUE >> exponent ? Long.MAX_VALUE : baseMs << exponent;
    }
  },
  /** base × n. */
  LINEAR {
    @Override
    long rawDelay(long baseMs, int attempt) {
      return baseMs > Long.MAX_VALUE / attempt ? Long.MAX_VALUE : baseMs * attempt;
    }
  },
  /** base. */
  CONSTANT {
    @Override
    long rawDelay(long baseMs, int attempt) {
      return baseMs;
    }
  };

  static final int MAX_EXPONENT = 20;

  abstract long rawDelay(long baseMs, int attempt);

  /** The delay before the attempt after {@code attempt}, before jitter. */
  public long delayMillis(long baseMs, int attempt) {
    if (baseMs < 0 || attempt < 1) {
      throw new IllegalArgumentException("baseMs must be >= 0 and attempt >= 1");
    }
    return rawDelay(baseMs, attempt);
  }

  /**
   * {@code delayMs} moved by up to ±{@code jitterPct} percent: {@code unitRandom} yields a uniform
   * value in [0, 1), mapped to a factor in [1 - pct, 1 + pct). Never below 0, saturating above.
   */
  public static long jittered(long delayMs, int jitterPct, DoubleSupplier unitRandom) {
    if (jitterPct < 0) {
      throw new IllegalArgumentException("jitterPct must be >= 0");
    }
    double factor = 1 + jitterPct / 100.0 * (2 * unitRandom.getAsDouble() - 1);
    double jittered = delayMs * factor;
    // A double cast to long already clamps at Long.MAX_VALUE.
    return jittered <= 0 ? 0 : (long) jittered;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Backoff fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
