package dev.picloud.runtime.sdk;

import java.util.Optional;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/** The arguments of one SDK call, checked one by one; a bad one fails as "module: what ...". */
public final class JsArgs {
  /** Integers beyond 2^53 are not exact in JS numbers. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final String module;
  private final Object[] values;

  JsArgs(String module, Object[] values) {
    this.module = module;
    this.values = values;
  }

  public int size() {
    return values.length;
  }

  /** The argument, or null when it is missing, undefined or null. */
  public Object raw(int index) {
    Object v = index < values.length ? values[index] : null;
    return JsValues.isUndefined(v) ? null : v;
  }

  /** The arguments as the script passed them, to hand back to script code. */
  public Object[] all() {
    return values.clone();
  }

  public String string(int index, String what) {
    return optionalString(index, what).orElseThrow(() -> error(what + " must be a string"));
  }

  public Optional<String> optionalString(int index, String what) {
    Object v = raw(index);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof CharSequence s)) {
      throw error(what + " must be a string");
    }
    return Optional.of(s.toString());
  }

  public double number(int index, String what) {
    if (!(raw(index) instanceof Number n)) {
      throw error(what + " must be a number");
    }
    return n.doubleValue();
  }

  /** A whole number within JS's safe integer range. */
  public long integer(int index, String what) {
    double d = number(index, what);
    if (d != Math.rint(d) || Math.abs(d) > MAX_SAFE_INTEGER) {
      throw error(what + " must be a whole number between -(2^53-1) and 2^53-1");
    }
    return (long) d;
  }

  public ScriptObjectMirror object(int index, String what) {
    if (!(raw(index) instanceof ScriptObjectMirror o) || o.isFunction() || o.isArray()) {
      throw error(what + " must be an object");
    }
    return o;
  }

  public SdkException error(String message) {
    return new SdkException(module, message);
  }
}
