package dev.picloud.users.control;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Usernames;
import dev.picloud.users.entity.InstanceRole;

/** Validation of user fields, each failure naming the field (422). */
public final class UserRules {
  public static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD = 1024;

  private UserRules() {}

  public static String username(String value) {
    if (value == null || !Usernames.PATTERN.matcher(value).matches()) {
      throw ApiException.invalid("username", "username " + Usernames.RULE + ".");
    }
    return value;
  }

  public static String password(String value) {
    if (value == null || value.length() < MIN_PASSWORD || value.length() > MAX_PASSWORD) {
      throw ApiException.invalid(
          "password",
          "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long.");
    }
    return value;
  }

  public static InstanceRole role(String value) {
    try {
      return InstanceRole.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("instance_role", "instance_role must be owner or member.");
    }
  }
}
