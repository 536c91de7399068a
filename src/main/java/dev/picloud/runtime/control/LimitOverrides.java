package dev.picloud.runtime.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;

/** Reads a script's limit overrides: snake_case keys, positive integer values, nothing else. */
final class LimitOverrides {
  private static final long MAX_MILLIS = Duration.ofDays(1).toMillis();

  private LimitOverrides() {}

  static Limits apply(Limits base, JsonObject overrides) {
    Duration wallClock = base.wallClock();
    long operations = base.operations();
    Duration cpuTime = base.cpuTime();
    long allocationBytes = base.allocationBytes();
    int stackDepth = base.stackDepth();
    int logBytes = base.logBytes();
    int responseBytes = base.responseBytes();
    for (Map.Entry<String, JsonValue> entry : overrides.entrySet()) {
      String key = entry.getKey();
      JsonValue value = entry.getValue();
      switch (key) {
        case "wall_clock_ms" -> wallClock = Duration.ofMillis(positive(key, value, MAX_MILLIS));
        case "operations" -> operations = positive(key, value, Long.MAX_VALUE);
        case "cpu_time_ms" -> cpuTime = Duration.ofMillis(positive(key, value, MAX_MILLIS));
        case "allocation_bytes" -> allocationBytes = positive(key, value, Long.MAX_VALUE);
        case "stack_depth" -> stackDepth = (int) positive(key, value, Integer.MAX_VALUE);
        case "log_bytes" -> logBytes = (int) positive(key, value, Integer.MAX_VALUE);
        case "response_bytes" -> responseBytes = (int) positive(key, value, Integer.MAX_VALUE);
        default -> throw new InvalidLimitException(key, "is not a known limit");
      }
    }
    return new Limits(
        wallClock, operations, cpuTime, allocationBytes, stackDepth, logBytes, responseBytes);
  }

  private static long positive(String key, JsonValue value, long max) {
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidLimitException(key, "must be a positive integer");
    }
    if (number.bigIntegerValue().signum() <= 0) {
      throw new InvalidLimitException(key, "must be a positive integer");
    }
    if (number.bigIntegerValue().bitLength() > 63 || number.longValue() > max) {
      throw new InvalidLimitException(key, "must be at most " + max);
    }
    return number.longValue();
  }
}
