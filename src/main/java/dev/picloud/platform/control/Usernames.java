package dev.picloud.platform.control;

import java.util.regex.Pattern;

/** The one rule for user names, shared by the owner bootstrap setting and the users API. */
public final class Usernames {
  /**
   * 2–64 of {@code [a-z0-9._-]}, starting with a letter or digit, and not shaped like a UUID (paths
   * such as {@code /members/{user}} accept an id or a name).
   */
  public static final Pattern PATTERN =
      Pattern.compile(
          "(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)[a-z0-9][a-z0-9._-]{1,63}");

  public static final String RULE =
      "must be 2-64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit,"
          + " and not a UUID";

  private Usernames() {}
}
