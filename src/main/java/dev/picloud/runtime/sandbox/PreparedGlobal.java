package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.sdk.JsValues;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * A fresh, sandboxed global for exactly one run: made ahead of time (off the request path), then
 * armed with that run's meter, given its SDK modules and thrown away. Nothing one run leaves in a
 * global can reach another run.
 */
public final class PreparedGlobal {
  private final ScriptObjectMirror global;
  private final Hooks hooks;
  private final JsValues values;
  private final ScriptObjectMirror run;
  private final ScriptObjectMirror respond;
  private final ScriptObjectMirror describe;
  private final Object undefinedResult;
  private boolean used;

  PreparedGlobal(ScriptObjectMirror global, Hooks hooks, ScriptObjectMirror kit, Object marker) {
    this.global = global;
    this.hooks = hooks;
    this.values = new JsValues(kit);
    this.run = (ScriptObjectMirror) kit.getMember("run");
    this.respond = (ScriptObjectMirror) kit.getMember("respond");
    this.describe = (ScriptObjectMirror) kit.getMember("describe");
    this.undefinedResult = marker;
  }

  public JsValues values() {
    return values;
  }

  /** Binds this global to one run; a global serves one run only. */
  public void arm(Meter meter) {
    if (used) {
      throw new IllegalStateException("a prepared global serves one run only");
    }
    used = true;
    hooks.arm(meter, values);
  }

  /** Makes an SDK module a global of the script. */
  public void define(String name, Object module) {
    global.setMember(name, module);
  }

  /**
   * Runs the handler with its ctx (JSON text), after shadowing the Java names the program spells;
   * {@link #isUndefined} tells an undefined result.
   */
  public Object run(Program program, String ctxJson) throws ScriptException {
    Object wrapper = program.code().eval(global);
    return run.call(null, wrapper, ctxJson, program.shadows().orElse(null));
  }

  public boolean isUndefined(Object result) {
    return result == undefinedResult;
  }

  /**
   * The handler's result as {@code [status, body, raw, name, value...]}, or {@code [problem]}. May
   * run script code ({@code toJSON}, getters), still under the run's meter.
   */
  public Object[] respond(Object result, int responseBytes) {
    ScriptObjectMirror parts = (ScriptObjectMirror) respond.call(null, result, responseBytes);
    Object[] out = new Object[((Number) parts.getMember("length")).intValue()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parts.getSlot(i);
    }
    return out;
  }

  /** What a thrown value says: an error's "Name: message", a string, or JSON. */
  public String describe(Object thrown) {
    return (String) describe.call(null, thrown);
  }
}
