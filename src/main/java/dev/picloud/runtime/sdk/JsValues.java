package dev.picloud.runtime.sdk;

import java.util.Objects;
import org.openjdk.nashorn.api.scripting.NashornException;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * Makes JS values inside one script global, with that global's original built-ins (captured before
 * any script ran, so a script that replaced {@code JSON.parse} or {@code Error} changes nothing
 * here). SDK modules return only what this makes or JS primitives, never Java objects.
 */
public final class JsValues {
  private static volatile Object undefined;

  private final ScriptObjectMirror parse;
  private final ScriptObjectMirror text;
  private final ScriptObjectMirror format;
  private final ScriptObjectMirror error;
  private final ScriptObjectMirror fail;

  public JsValues(ScriptObjectMirror kit) {
    parse = function(kit, "parse");
    text = function(kit, "text");
    format = function(kit, "format");
    error = function(kit, "error");
    fail = function(kit, "fail");
  }

  /**
   * JS {@code undefined}. Nashorn has no public constant for it; the sandbox records the value a
   * script passes for {@code undefined} once at start-up.
   */
  public static Object undefined() {
    return Objects.requireNonNull(undefined, "the sandbox has not started");
  }

  public static void recordUndefined(Object value) {
    undefined = value;
  }

  public static boolean isUndefined(Object value) {
    return ScriptObjectMirror.isUndefined(value);
  }

  /** A JS value from JSON text, e.g. an array built with {@link JsonText}. */
  public Object parse(String json) {
    return parse.call(null, json);
  }

  /** JavaScript's {@code String(value)}, e.g. {@code 1} for the number one. */
  public String text(Object value) {
    return (String) text.call(null, value);
  }

  /** Log arguments as one line: strings as they are, other values as JSON or {@code String(v)}. */
  public String format(Object... args) {
    return (String) format.call(null, args);
  }

  /** A new JS {@code Error} with this message. */
  public Object error(String message) {
    return error.call(null, message);
  }

  /**
   * The exception that throws a JS {@code Error} with this message into the calling script: {@code
   * throw values.fail("regex: ...")}.
   */
  public RuntimeException fail(String message) {
    try {
      fail.call(null, message);
    } catch (NashornException e) {
      return e;
    }
    return new IllegalStateException("the sandbox's fail function returned normally");
  }

  private static ScriptObjectMirror function(ScriptObjectMirror kit, String name) {
    return (ScriptObjectMirror) kit.getMember(name);
  }
}
