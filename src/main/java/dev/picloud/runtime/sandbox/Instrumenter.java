package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.ScriptSyntaxException;

/**
 * Rewrites a user's source so the script cannot run unmetered: every loop iteration and every
 * function entry calls a hook (the meter: operations, wall clock, CPU, allocation, stop flag),
 * every function exit is recorded (stack depth), every caught value passes a catch hook (so no Java
 * exception or stack overflow reaches script code) and every thrown object is neutralised (Nashorn
 * would store a Java exception object on it). The hooks are parameters of a function wrapped around
 * the handler, so no script code can reassign or shadow them: identifiers with their prefix are
 * rejected and {@code with} (the one construct that could put a binding in front of them) too.
 *
 * <p>Loops get {@code if(hook.t);else BODY} after their header and expression-bodied arrows {@code
 * hook.t?0:EXPR} after {@code =>}: prefix-only forms that need no end position, which Nashorn's
 * tree API reports unreliably. An expression arrow's hook is the loop hook (one operation), as it
 * has no exit hook to undo a level of nesting. The result is parsed again and checked by {@link
 * InstrumentedShape}.
 */
final class Instrumenter {
  private Instrumenter() {}

  static String instrument(String userSource) throws ScriptSyntaxException {
    WrappedSource source = new WrappedSource(userSource);
    AnalysisText analysis = AnalysisText.of(source);
    Insertions insertions = new Insertions();
    Census census = new Placement(source, analysis, insertions).place();
    InstrumentedShape.verify(insertions.applyTo(analysis.text()), census);
    return insertions.applyTo(source.text());
  }
}
