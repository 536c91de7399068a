package dev.picloud.platform.control;

import java.util.regex.Pattern;

/**
 * Canonical UUID text (36 characters, hex and hyphens). {@code UUID.fromString} alone is lenient
 * (it accepts {@code 1-1-1-1-1}), and paths that take "an id or a name" must not confuse the two.
 */
public final class Ids {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  public static boolean isUuid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }
}
