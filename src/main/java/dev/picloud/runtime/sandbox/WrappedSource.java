package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.ScriptSyntaxException;

/**
 * A user's source (the body of a handler function) wrapped into a program that evaluates to a
 * function taking the instrumentation hooks and returning the handler. The header adds no line, so
 * line numbers in stack traces are the user's; only columns on line 1 shift.
 */
final class WrappedSource {
  static final String HOOK_PREFIX = "__pc$";
  static final String LOOP = "__pc$l";
  static final String ENTER = "__pc$f";
  static final String EXIT = "__pc$r";
  static final String CATCH = "__pc$k";
  static final String THROW = "__pc$w";

  /**
   * The property the loop, entry and exit hooks are read at ({@code __pc$l.t}; why read, not
   * called: {@link Hooks}). The prelude spells its loop hook reads ({@code loopHook.t}) with it
   * too.
   */
  static final String READ = "t";

  /** The expression that uses one of the loop, entry and exit hooks. */
  static String read(String hook) {
    return hook + "." + READ;
  }

  static final String HEADER =
      "(function(" + String.join(",", LOOP, ENTER, EXIT, CATCH, THROW) + "){return function(ctx){";
  // The newline ends a trailing // comment in the user's last line.
  static final String FOOTER = "\n}})";

  private final String user;
  private final String text;

  WrappedSource(String user) {
    this.user = user;
    this.text = HEADER + user + FOOTER;
  }

  String text() {
    return text;
  }

  /** Position of the handler body's opening brace, the last character of the header. */
  int handlerOpen() {
    return HEADER.length() - 1;
  }

  /** Position of the handler body's closing brace in the footer. */
  int handlerClose() {
    return text.length() - 3;
  }

  /** A syntax error at {@code position} of the wrapped text, in the user's coordinates. */
  ScriptSyntaxException error(long position, String reason) {
    int offset = (int) (position - HEADER.length());
    if (offset >= user.length()) {
      return at(user.length(), "unexpected end of script: " + reason);
    }
    return at(Math.max(0, offset), reason);
  }

  /** An error the engine reported at a 1-based line and 0-based column of the wrapped text. */
  ScriptSyntaxException errorAt(int line, int column, String reason) {
    int userColumn = line == 1 ? column - HEADER.length() : column;
    return new ScriptSyntaxException(line, Math.max(1, userColumn + 1), reason);
  }

  private ScriptSyntaxException at(int offset, String reason) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      char c = user.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= user.length() || user.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new ScriptSyntaxException(line, offset - lineStart + 1, reason);
  }
}
