package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.Budget;
import dev.picloud.runtime.sdk.JsValues;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The Java side of the instrumentation of one global: the objects the instrumented script and the
 * sandbox prelude read (loop, entry, exit) or call (the rest). They are created with the global and
 * armed with the meter of the one run that global serves. They are {@link JSObject}s, so a script
 * holding one (it cannot name them) would still reach no Java method.
 */
final class Hooks {
  private static final System.Logger LOG = System.getLogger(Hooks.class.getName());

  private enum Kind {
    LOOP,
    ENTER,
    EXIT,
    TOO_LARGE,
    CHARGE,
    CAUGHT
  }

  private Meter meter;
  private JsValues values;
  private boolean reportedJavaException;

  final JSObject loop = new Hook(Kind.LOOP);
  final JSObject enter = new Hook(Kind.ENTER);
  final JSObject exit = new Hook(Kind.EXIT);
  final JSObject tooLarge = new Hook(Kind.TOO_LARGE);
  final JSObject charge = new Hook(Kind.CHARGE);
  final JSObject caught = new Hook(Kind.CAUGHT);

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

  /**
   * The first thing every catch block does. Nashorn lets a script catch any Java throwable: the
   * meter's abort, a stack overflow, an out-of-memory error, a bug. None may reach script code.
   */
  private Object caught(Object value) {
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
      // Once per run: a script catching the same fault in a loop must not flood the server log.
      if (!reportedJavaException) {
        reportedJavaException = true;
        LOG.log(System.Logger.Level.WARNING, "Script caught an unexpected Java exception", t);
      }
      return values.error("internal error");
    }
    return value;
  }

  private static long whole(Object[] args, int index) {
    if (args.length <= index || !(args[index] instanceof Number n)) {
      return 0;
    }
    double d = n.doubleValue();
    return Double.isNaN(d) || d <= 0 ? 0 : d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
  }

  /**
   * One class for every hook, so Nashorn's paths into {@code JSObject} stay monomorphic (with the
   * SDK's functions, bimorphic) and the JIT inlines them. The loop, entry and exit hooks are read
   * ({@code hook.t}, {@link WrappedSource#READ}): Nashorn passes a read the name alone and a call
   * an argument array, which the allocation budget counts until the JIT removes it; a read also
   * costs about half as much (RuntimeRunBenchmark.loops). The other hooks are called. Both return
   * JS null, which the instrumented guards need (falsy).
   */
  private final class Hook extends AbstractJSObject {
    private final Kind kind;

    Hook(Kind kind) {
      this.kind = kind;
    }

    @Override
    public boolean isFunction() {
      return true;
    }

    @Override
    public Object getMember(String name) {
      if (WrappedSource.READ.equals(name)) {
        switch (kind) {
          case LOOP -> meter().tick();
          case ENTER -> meter().enter();
          case EXIT -> meter().exit();
          default -> {}
        }
      }
      return null;
    }

    @Override
    public Object call(Object thiz, Object... args) {
      switch (kind) {
        case TOO_LARGE -> throw meter().abort(Budget.RESPONSE_SIZE);
        case CHARGE -> meter().charge(whole(args, 0), whole(args, 1));
        case CAUGHT -> {
          return caught(args.length > 0 ? args[0] : null);
        }
        default -> {}
      }
      return null;
    }
  }
}
