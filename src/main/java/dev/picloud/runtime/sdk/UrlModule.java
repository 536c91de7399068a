package dev.picloud.runtime.sdk;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.nashorn.api.scripting.JSObject;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * {@code url.encode} (UTF-8, percent-encoding everything but {@code A-Za-z0-9-._~}), {@code
 * url.decode} (percent escapes only; {@code +} stays {@code +}) and {@code url.encodeQuery(map)}:
 * keys sorted, array values repeated, null and undefined values left out.
 */
final class UrlModule {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlModule() {}

  static JSObject create(SdkRun run) {
    return SdkObject.builder("url", run)
        .function("encode", args -> encode(args.string(0, "text")))
        .function("decode", UrlModule::decode)
        .function("encodeQuery", args -> encodeQuery(run, args))
        .build();
  }

  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : StrictUtf8.encode(text)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static String decode(JsArgs args) {
    String text = args.string(0, "text");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        bytes.writeBytes(StrictUtf8.encode(String.valueOf(c)));
        continue;
      }
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (low < 0) {
        throw args.error("invalid percent escape at index " + i);
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    return StrictUtf8.decode(bytes.toByteArray(), args);
  }

  private static String encodeQuery(SdkRun run, JsArgs args) {
    ScriptObjectMirror map = args.object(0, "the query");
    Map<String, List<String>> sorted = new TreeMap<>();
    for (String key : map.keySet()) {
      run.meter().tick();
      Object value = map.getMember(key);
      List<String> values = new ArrayList<>();
      if (value instanceof ScriptObjectMirror array && array.isArray()) {
        for (Object item : array.values()) {
          run.meter().tick();
          addValue(run, args, key, item, values);
        }
      } else {
        addValue(run, args, key, value, values);
      }
      sorted.put(key, values);
    }
    StringBuilder out = new StringBuilder();
    sorted.forEach(
        (key, values) -> {
          for (String value : values) {
            out.append(out.length() == 0 ? "" : "&").append(encode(key)).append('=');
            out.append(encode(value));
          }
        });
    return out.toString();
  }

  private static void addValue(
      SdkRun run, JsArgs args, String key, Object value, List<String> values) {
    if (value == null || JsValues.isUndefined(value)) {
      return;
    }
    if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
      throw args.error("query value of \"" + key + "\" must be a string, number or boolean");
    }
    values.add(run.js().text(value));
  }
}
