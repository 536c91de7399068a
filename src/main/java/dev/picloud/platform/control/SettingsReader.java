package dev.picloud.platform.control;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed settings from a key lookup (MicroProfile Config in the server, a map in tests) and
 * fails with a message naming the variable when a value is unusable.
 */
public final class SettingsReader {
  private static final Pattern HOST =
      Pattern.compile(
          "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");

  private final Function<String, Optional<String>> lookup;

  public SettingsReader(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  public Optional<String> optional(String name) {
    return lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** A secret, taken exactly as given (spaces included); empty counts as unset. */
  public Optional<String> secret(String name) {
    return lookup.apply(name).filter(v -> !v.isEmpty());
  }

  public String string(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public long longInRange(String name, long defaultValue, long min, long max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new InvalidSettingException(
        name, "must be an integer between " + min + " and " + max, raw.get());
  }

  public int intInRange(String name, int defaultValue, int min, int max) {
    return (int) longInRange(name, defaultValue, min, max);
  }

  public String oneOf(String name, String defaultValue, String... allowed) {
    String value = string(name, defaultValue);
    if (Arrays.asList(allowed).contains(value)) {
      return value;
    }
    throw new InvalidSettingException(name, "must be one of " + String.join(", ", allowed), value);
  }

  public String host(String name, String defaultValue) {
    String value = string(name, defaultValue);
    if (HOST.matcher(value).matches()) {
      return value;
    }
    throw new InvalidSettingException(name, "must be a lowercase host name", value);
  }

  public String matching(String name, String defaultValue, Pattern pattern, String requirement) {
    String value = string(name, defaultValue);
    if (pattern.matcher(value).matches()) {
      return value;
    }
    throw new InvalidSettingException(name, requirement, value);
  }
}
