package dev.picloud.apps.control;

import dev.picloud.platform.control.ApiException;

/** Field rules for apps, each failure naming its field (422). */
public final class AppRules {
  private static final int MAX_NAME = 200;
  private static final int MAX_DESCRIPTION = 2000;

  private AppRules() {}

  public static String name(String value) {
    String name = value == null ? "" : value.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw ApiException.invalid("name", "name must be 1-" + MAX_NAME + " characters.");
    }
    return name;
  }

  public static String description(String value) {
    if (value != null && value.length() > MAX_DESCRIPTION) {
      throw ApiException.invalid(
          "description", "description must be at most " + MAX_DESCRIPTION + " characters.");
    }
    return value;
  }
}
