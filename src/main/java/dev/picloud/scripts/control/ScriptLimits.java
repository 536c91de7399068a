package dev.picloud.scripts.control;

import dev.picloud.platform.control.ApiException;
import dev.picloud.runtime.control.InvalidLimitException;
import dev.picloud.runtime.control.Limits;
import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * A script's limits: the runtime's defaults for the invocation (sync or async), the script's own
 * {@code limits} overrides, and {@code timeout_seconds} as the wall clock. The wall clock has one
 * home, {@code timeout_seconds}, so {@code wall_clock_ms} is refused in {@code limits}.
 */
public final class ScriptLimits {
  private ScriptLimits() {}

  /** The overrides as JSON text to store, or a 422 naming the offending key. */
  public static String validate(JsonObject overrides) {
    if (overrides == null) {
      return "{}";
    }
    if (overrides.containsKey("wall_clock_ms")) {
      throw ApiException.invalid("limits", "limits.wall_clock_ms: set timeout_seconds instead.");
    }
    try {
      Limits.defaults(false).withOverrides(overrides);
    } catch (InvalidLimitException e) {
      throw ApiException.invalid("limits", "limits." + e.getMessage());
    }
    return overrides.toString();
  }

  /** The limits of one run of a script (the runtime clamps them by the instance ceilings). */
  public static Limits forRun(JsonObject overrides, Integer timeoutSeconds, boolean async) {
    Limits limits = Limits.defaults(async).withOverrides(overrides);
    if (timeoutSeconds == null) {
      return limits;
    }
    return new Limits(
        Duration.ofSeconds(timeoutSeconds),
        limits.operations(),
        limits.cpuTime(),
        limits.allocationBytes(),
        limits.stackDepth(),
        limits.logBytes(),
        limits.responseBytes());
  }
}
