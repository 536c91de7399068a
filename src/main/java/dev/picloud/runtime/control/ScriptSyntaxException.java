package dev.picloud.runtime.control;

/**
 * A script that cannot be compiled, with the position in the user's own source (1-based, not
 * counting anything the runtime wraps around it). The scripts API answers 422 naming line and
 * column.
 */
public class ScriptSyntaxException extends Exception {
  private final int line;
  private final int column;
  private final String reason;

  public ScriptSyntaxException(int line, int column, String reason) {
    super("line " + line + ", column " + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the position. */
  public String reason() {
    return reason;
  }
}
