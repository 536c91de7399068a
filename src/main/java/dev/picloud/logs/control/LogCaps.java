package dev.picloud.logs.control;

import dev.picloud.platform.control.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an execution log may keep: bodies up to 64 KiB (cut on a character boundary, marked), header
 * values of credentials redacted.
 */
public final class LogCaps {
  public static final int BODY_BYTES = 64 * 1024;
  public static final String TRUNCATED = "…[truncated]";
  public static final String REDACTED = "[redacted]";
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key");

  private LogCaps() {}

  /** {@code text} cut to at most {@code maxBytes} of UTF-8, never inside a character. */
  public static String cap(String text, int maxBytes) {
    if (text == null || text.length() * 3L <= maxBytes) {
      return text;
    }
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int size = utf8Length(codePoint);
      if (bytes + size > maxBytes) {
        return text.substring(0, i) + TRUNCATED;
      }
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return text;
  }

  public static String capBody(String text) {
    return cap(text, BODY_BYTES);
  }

  /** Lower-case names; values of credential headers replaced. */
  public static JsonObject redactHeaders(Map<String, String> headers) {
    JsonObjectBuilder out = Jsonp.createObjectBuilder();
    headers.forEach(
        (name, value) -> {
          String key = name.toLowerCase(Locale.ROOT);
          out.add(key, SECRET_HEADERS.contains(key) ? REDACTED : value);
        });
    return out.build();
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
