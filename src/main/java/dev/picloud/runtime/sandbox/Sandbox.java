package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.ScriptSyntaxException;
import dev.picloud.runtime.sdk.JsValues;
import javax.script.Bindings;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.NashornScriptEngine;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * The one Nashorn engine of the runtime and the way into it: compiles instrumented scripts and
 * makes sandboxed globals. The engine runs with {@code --no-java} and a class filter that admits no
 * class (which also disables Java reflection), never {@code -scripting}. Compiled code is shared by
 * all globals of the engine, so a warm run only instantiates it.
 */
public final class Sandbox {
  private static final String[] ENGINE_OPTIONS = {
    "--no-java", "--no-syntax-extensions", "--language=es6", "--no-typed-arrays"
  };

  /**
   * The file name of user code in stack traces, also how error lines are told from the prelude's.
   */
  public static final String SCRIPT_FILE = "script";

  /** Whether a prototype of the probe global lacks a name, as the {@code in} operator sees it. */
  private static final String LACKS =
      """
      (function (kind, name) {
        var prototypes = {string: String.prototype, number: Number.prototype,
                          boolean: Boolean.prototype, symbol: Symbol.prototype};
        return !(name in prototypes[kind]);
      })""";

  static {
    NashornAssertions.disable();
  }

  private final NashornScriptEngine engine;
  private final CompiledScript prelude;
  private final Object undefinedResult = new AbstractJSObject() {};
  private final JavaShadows shadows;

  /** Null when the prelude spells no Java name. */
  private final String preludeShadows;

  public Sandbox() {
    engine =
        (NashornScriptEngine)
            new NashornScriptEngineFactory()
                .getScriptEngine(
                    ENGINE_OPTIONS, Sandbox.class.getClassLoader(), className -> false);
    try {
      synchronized (engine) {
        engine
            .getContext()
            .setAttribute(ScriptEngine.FILENAME, "sandbox", ScriptContext.ENGINE_SCOPE);
        prelude = engine.compile(Prelude.SOURCE);
        ((ScriptObjectMirror) engine.eval("(function (f) { f(undefined); })"))
            .call(null, new UndefinedProbe());
        shadows = probeShadows(engine.eval("Symbol('probe')").getClass());
        preludeShadows = shadows.forPrelude().orElse(null);
        engine
            .getContext()
            .setAttribute(ScriptEngine.FILENAME, SCRIPT_FILE, ScriptContext.ENGINE_SCOPE);
      }
    } catch (ScriptException e) {
      throw new IllegalStateException("the sandbox prelude does not compile", e);
    }
  }

  /**
   * Instruments and compiles a handler body.
   *
   * @throws ScriptSyntaxException with the position in the user's source
   */
  public Program compile(String userSource) throws ScriptSyntaxException {
    String instrumented = Instrumenter.instrument(userSource);
    try {
      CompiledScript code;
      synchronized (engine) {
        code = engine.compile(instrumented);
      }
      return new Program(code, shadows.forProgram(instrumented));
    } catch (ScriptException instrumentedError) {
      throw positionInUserSource(userSource, instrumentedError);
    } catch (RuntimeException | AssertionError engineFault) {
      // Nashorn's code generator fails on a few valid-looking forms (an unparenthesised arrow as a
      // ?: branch); the script cannot run either way, so it is reported like a syntax error.
      throw new ScriptSyntaxException(
          1, 1, "Nashorn cannot compile this script: " + engineFault.getMessage());
    }
  }

  /** A fresh global with the prelude run in it, ready to be armed for one run. */
  public PreparedGlobal prepare() {
    Bindings global = engine.createBindings();
    Hooks hooks = new Hooks();
    ScriptObjectMirror kit = runPrelude(global, hooks, preludeShadows);
    return new PreparedGlobal((ScriptObjectMirror) global, hooks, kit, undefinedResult);
  }

  private ScriptObjectMirror runPrelude(Bindings global, Hooks hooks, String shadowDescriptors) {
    try {
      ScriptObjectMirror setUp = (ScriptObjectMirror) prelude.eval(global);
      return (ScriptObjectMirror)
          setUp.call(
              null,
              global,
              hooks.loop,
              hooks.enter,
              hooks.exit,
              hooks.caught,
              hooks.charge,
              hooks.tooLarge,
              undefinedResult,
              shadowDescriptors);
    } catch (ScriptException e) {
      throw new IllegalStateException("the sandbox prelude failed", e);
    }
  }

  /**
   * Which Java member names JavaScript lacks, asked of a global prepared with nothing shadowed (the
   * prelude is the same for every global, so one probe answers for all).
   */
  private JavaShadows probeShadows(Class<?> symbolType) throws ScriptException {
    Bindings probe = engine.createBindings();
    runPrelude(probe, new Hooks(), null);
    ScriptObjectMirror lacks = (ScriptObjectMirror) engine.eval(LACKS, probe);
    return new JavaShadows(
        symbolType, (kind, name) -> (Boolean) lacks.call(null, kind, name), Prelude.SOURCE);
  }

  /**
   * Early errors (a redeclared {@code let}) come from the compiler, not the parser; compiling the
   * uninstrumented source again gives their position in the user's coordinates.
   */
  private ScriptSyntaxException positionInUserSource(String userSource, ScriptException fallback) {
    WrappedSource plain = new WrappedSource(userSource);
    ScriptException error = fallback;
    try {
      synchronized (engine) {
        engine.compile(plain.text());
      }
    } catch (ScriptException e) {
      error = e;
    }
    String reason = ScriptParser.reason(String.valueOf(error.getMessage()));
    int line = Math.max(1, error.getLineNumber());
    int column = Math.max(0, error.getColumnNumber());
    return error == fallback
        ? new ScriptSyntaxException(line, 1, reason)
        : plain.errorAt(line, column, reason);
  }

  /** Records the engine's {@code undefined}, which Nashorn offers no public constant for. */
  private static final class UndefinedProbe extends AbstractJSObject {
    @Override
    public boolean isFunction() {
      return true;
    }

    @Override
    public Object call(Object thiz, Object... args) {
      JsValues.recordUndefined(args[0]);
      return null;
    }
  }
}
