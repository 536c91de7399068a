package dev.picloud.kv.control;

import dev.picloud.runtime.sdk.JsArgs;
import dev.picloud.runtime.sdk.JsValues;
import dev.picloud.runtime.sdk.JsonText;
import dev.picloud.runtime.sdk.SdkRun;
import jakarta.json.JsonValue;

/**
 * KV values across the script boundary as JSON, never as Java objects: a script's value becomes
 * what {@code JSON.stringify} makes of it (with the global's original built-ins, and the run's
 * meter counting every member), a stored value becomes what {@code JSON.parse} makes of it inside
 * the script's own global.
 */
final class ScriptJson {
  private ScriptJson() {}

  static Object toScript(SdkRun run, JsonValue value) {
    return value == null ? null : run.js().parse(value.toString());
  }

  /** The argument as JSON; {@code undefined}, functions and what cannot be JSON are refused. */
  static JsonValue fromScript(SdkRun run, JsArgs args, int index) {
    Object[] all = args.all();
    Object value = index < all.length ? all[index] : null;
    if (index >= all.length || JsValues.isUndefined(value)) {
      throw new KvException("invalid_value", "the value is undefined; delete the key instead");
    }
    String text = text(run, value);
    // Each character is at least one UTF-8 byte: no need to parse what is too long anyway.
    if (text.length() > KvRules.MAX_VALUE_BYTES) {
      throw new KvException(
          "value_too_large",
          "the value is more than " + KvRules.MAX_VALUE_BYTES + " bytes as JSON");
    }
    try {
      return KvJson.parse(text);
    } catch (RuntimeException e) {
      // Not JSON: stringify gave up (a function, a cycle, an Error) and String(value) came back.
      throw new KvException("invalid_value", "the value cannot be represented as JSON");
    }
  }

  private static String text(SdkRun run, Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence s) {
      return JsonText.quote(s.toString());
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Number n) {
      // Like JSON.stringify: NaN and the infinities become null; String(n) is JSON otherwise.
      return Double.isFinite(n.doubleValue()) ? run.js().text(n) : "null";
    }
    // An object or array: the prelude's format() describes it with the original JSON.stringify.
    return run.js().format(value);
  }
}
