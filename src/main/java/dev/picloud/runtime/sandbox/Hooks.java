package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.Budget;
import dev.picloud.runtime.sdk.JsValues;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The Java side of the instrumentation of one global: the functions the instrumented script and the
 * sandbox prelude call. They are created with the global and armed with the meter of the one run
 * that global serves. They are {@link JSObject}s, so a script holding one (it cannot name them)
 * would still reach no Java method.
 */
final class Hooks {
  private static final System.Logger LOG = System.getLogger(Hooks.class.getName());

  private Meter meter;
  private JsValues values;

  // One class per hook keeps each call site monomorphic for the JIT: these run on every loop
  // iteration and function call.
  final JSObject loop =
      new Hook() {
        @Override
        public Object call(Object thiz, Object... args) {
          meter().tick();
          return null;
        }
      };
  final JSObject enter =
      new Hook() {
        @Override
        public Object call(Object thiz, Object... args) {
          meter().enter();
          return null;
        }
      };
  final JSObject exit =
      new Hook() {
        @Override
        public Object call(Object thiz, Object... args) {
          meter().exit();
          return null;
        }
      };
  final JSObject tooLarge =
      new Hook() {
        @Override
        public Object call(Object thiz, Object... args) {
          throw meter().abort(Budget.RESPONSE_SIZE);
        }
      };

  /** {@code charge(operations, bytes)} from the guards around bulk built-ins. */
  final JSObject charge =
      new Hook() {
        @Override
        public Object call(Object thiz, Object... args) {
          meter().charge(whole(args, 0), whole(args, 1));
          return null;
        }
      };

  /**
   * The first thing every catch block does. Nashorn lets a script catch any Java throwable: the
   * meter's abort, a stack overflow, an out-of-memory error, a bug. None may reach script code.
   */
  final JSObject caught =
      new Hook() {
        @Override
        public Object call(Object thiz, Object... args) {
          Object value = args.length > 0 ? args[0] : null;
          Meter m = meter();
          if (value instanceof RunAborted aborted) {
            throw m.abort(aborted.budget());
          }
          if (value instanceof StackOverflowError) {
            throw m.abort(Budget.RECURSION);
          }
          if (value instanceof OutOfMemoryError) {
            throw m.abort(Budget.MEMORY);
          }
          m.tick();
          if (value instanceof Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "Script caught an unexpected Java exception", t);
            return values.error("internal error");
          }
          return value;
        }
      };

  void arm(Meter meter, JsValues values) {
    this.meter = meter;
    this.values = values;
  }

  private Meter meter() {
    if (meter == null) {
      throw new IllegalStateException("hooks called before the run was armed");
    }
    return meter;
  }

  private static long whole(Object[] args, int index) {
    if (args.length <= index || !(args[index] instanceof Number n)) {
      return 0;
    }
    double d = n.doubleValue();
    return Double.isNaN(d) || d <= 0 ? 0 : d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
  }

  /** A function to scripts; hooks return JS null, which the instrumented guards need (falsy). */
  private abstract static class Hook extends AbstractJSObject {
    @Override
    public boolean isFunction() {
      return true;
    }

    @Override
    public String getClassName() {
      return "Function";
    }
  }
}
