package dev.picloud.platform.control;

import java.util.regex.Pattern;

/** The one rule for user names, shared by the owner bootstrap setting and the users API. */
public final class Usernames {
  public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  public static final String RULE =
      "must be 2-64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";

  private Usernames() {}
}
