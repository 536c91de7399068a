package dev.picloud.runtime.sdk;

import java.util.List;
import java.util.Map;

/**
 * JSON text for values the runtime hands to a script. A script only ever sees plain JS values, so
 * Java data crosses into its global as JSON text that the global's own {@code JSON.parse} turns
 * into objects; this writer is the one place that escapes it.
 */
public final class JsonText {
  private JsonText() {}

  public static StringBuilder quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // U+2028/9 are legal in JSON but not in older JS string literals; escape them anyway.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  public static String quote(String s) {
    return quote(new StringBuilder(s.length() + 2), s).toString();
  }

  /** A JSON array of strings; a null element becomes JSON {@code null}. */
  public static String stringArray(List<String> items) {
    StringBuilder out = new StringBuilder().append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String item = items.get(i);
      if (item == null) {
        out.append("null");
      } else {
        quote(out, item);
      }
    }
    return out.append(']').toString();
  }

  public static StringBuilder stringMap(StringBuilder out, Map<String, String> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, e.getKey()).append(':');
      quote(out, e.getValue());
    }
    return out.append('}');
  }

  public static StringBuilder listMap(StringBuilder out, Map<String, List<String>> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, e.getKey()).append(':').append(stringArray(e.getValue()));
    }
    return out.append('}');
  }
}
