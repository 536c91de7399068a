package dev.picloud.runtime.control;

import java.util.Locale;
import java.util.Set;

/**
 * What a script may put in response headers (SPEC 5.7): names are RFC 9110 tokens and not
 * hop-by-hop or owned by the platform; values have no control characters (CR, LF and NUL would
 * split or truncate the response). A violation fails the run rather than being dropped silently.
 */
final class HeaderRules {
  static final int MAX_HEADERS = 100;
  static final int MAX_VALUE_LENGTH = 8 * 1024;
  private static final Set<String> FORBIDDEN =
      Set.of(
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "upgrade",
          "te",
          "trailer",
          "http2-settings");
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderRules() {}

  /** The lower-case name; IllegalArgumentException says why a header is refused. */
  static String name(String name) {
    if (name.isEmpty() || name.length() > 256) {
      throw new IllegalArgumentException("header name must have 1 to 256 characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException(
            "header name \"" + printable(name) + "\" is not a token");
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (FORBIDDEN.contains(lower) || lower.startsWith("proxy-")) {
      throw new IllegalArgumentException("header \"" + lower + "\" is set by the platform");
    }
    return lower;
  }

  static void value(String name, String value) {
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException("header \"" + name + "\" is longer than 8 KiB");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
        throw new IllegalArgumentException(
            "header \"" + name + "\" contains a forbidden character (U+%04X)".formatted((int) c));
      }
    }
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .limit(64)
        .forEach(
            cp ->
                out.append(
                    cp < 0x20 || cp == 0x7F ? "\\u%04x".formatted(cp) : Character.toString(cp)));
    return out.toString();
  }
}
