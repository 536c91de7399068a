package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.ScriptSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.Diagnostic;
import org.openjdk.nashorn.api.tree.Parser;

/** Nashorn's parser with the engine's language options, reporting errors in user coordinates. */
final class ScriptParser {
  // Same language as the engine: ES6 as far as Nashorn goes, none of Nashorn's syntax extensions
  // (conditional catch clauses would run script code before the catch hook; `for each`, `#`
  // comments and expression closures are not JavaScript).
  static final String[] OPTIONS = {"--language=es6", "--no-syntax-extensions"};
  private static final Pattern LOCATION = Pattern.compile("^[^:\\n]*:\\d+:\\d+ ");

  static {
    NashornAssertions.disable();
  }

  /** Turns a parse error at a position of the parsed text into the exception to throw. */
  interface Errors {
    ScriptSyntaxException at(long position, String reason);
  }

  private ScriptParser() {}

  static CompilationUnitTree parse(String text, Errors errors) throws ScriptSyntaxException {
    List<Diagnostic> found = new ArrayList<>();
    CompilationUnitTree tree;
    try {
      tree =
          Parser.create(OPTIONS)
              .parse(
                  "script",
                  text,
                  d -> {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                      found.add(d);
                    }
                  });
    } catch (StackOverflowError e) {
      throw errors.at(0, "the script is nested too deeply");
    } catch (RuntimeException | AssertionError e) {
      throw errors.at(0, "the script could not be parsed (" + e + ")");
    }
    if (!found.isEmpty()) {
      Diagnostic first = found.get(0);
      throw errors.at(first.getPosition(), reason(first.getMessage()));
    }
    if (tree == null) {
      throw errors.at(0, "the script could not be parsed");
    }
    return tree;
  }

  /** Nashorn's message is "file:line:col reason" followed by the source line and a caret. */
  static String reason(String message) {
    String firstLine = message.lines().findFirst().orElse(message);
    return LOCATION.matcher(firstLine).replaceFirst("");
  }
}
