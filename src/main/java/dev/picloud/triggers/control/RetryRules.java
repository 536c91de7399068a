package dev.picloud.triggers.control;

import dev.picloud.platform.control.ApiException;
import java.util.Set;

/** Field rules of a trigger's retry policy (SPEC 7.3), each failure naming its field. */
public final class RetryRules {
  private static final Set<String> BACKOFFS = Set.of("exponential", "linear", "constant");

  private RetryRules() {}

  public static int maxAttempts(int value) {
    if (value < 1 || value > 100) {
      throw ApiException.invalid(
          "retry_max_attempts", "retry_max_attempts must be between 1 and 100.");
    }
    return value;
  }

  public static String backoff(String value) {
    if (!BACKOFFS.contains(value)) {
      throw ApiException.invalid(
          "retry_backoff", "retry_backoff must be exponential, linear or constant.");
    }
    return value;
  }

  public static long baseMs(long value) {
    if (value < 0 || value > 86_400_000) {
      throw ApiException.invalid("retry_base_ms", "retry_base_ms must be between 0 and 86400000.");
    }
    return value;
  }
}
