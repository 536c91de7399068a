package dev.picloud.scripts.control;

import dev.picloud.platform.control.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Field rules for scripts, each failure naming its field (422). */
public final class ScriptRules {
  public static final int MAX_SOURCE_BYTES = 512 * 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  private ScriptRules() {}

  public static String name(String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw ApiException.invalid(
          "name",
          "name must be 1-100 letters, digits, '_', '.' or '-', starting with a letter or digit.");
    }
    return value;
  }

  public static String source(String value) {
    if (value == null) {
      throw ApiException.invalid("source", "source is required.");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_SOURCE_BYTES) {
      throw ApiException.invalid(
          "source", "source must be at most " + MAX_SOURCE_BYTES + " bytes.");
    }
    return value;
  }

  public static Integer timeoutSeconds(Integer value, int ceilingSeconds) {
    if (value != null && (value < 1 || value > ceilingSeconds)) {
      throw ApiException.invalid(
          "timeout_seconds", "timeout_seconds must be between 1 and " + ceilingSeconds + ".");
    }
    return value;
  }
}
