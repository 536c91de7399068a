package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.ScriptSyntaxException;
import java.util.HashSet;
import java.util.Set;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.RegExpLiteralTree;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES6;

/**
 * The text the instrumenter reads, and its tree. Nashorn's tree API drops a {@code for} loop whose
 * head declares with {@code let} or {@code const}, with everything in it (its IRTranslator keeps
 * only the first statement of the synthetic block Nashorn wraps around such a loop). So the
 * instrumenter reads a copy where those keywords are blanked out: the same positions, the same loop
 * as a plain assignment head, a complete tree. Each pass may reveal loops nested in ones the
 * previous pass could not see. The placement checks that every blanked head belongs to a loop the
 * final tree shows, and that the tree has a loop for every loop keyword.
 */
record AnalysisText(
    String text, CompilationUnitTree tree, JsTokens tokens, Set<Integer> blankedLoops) {
  private static final int MAX_PASSES = 16;

  static AnalysisText of(WrappedSource source) throws ScriptSyntaxException {
    char[] text = source.text().toCharArray();
    Set<Integer> blanked = new HashSet<>();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String current = new String(text);
      CompilationUnitTree tree = ScriptParser.parse(current, source::error);
      Set<Integer> regexes = regexStarts(tree);
      JsTokens tokens = tokens(source, current, regexes, true);
      boolean found = false;
      for (int i = 0; i + 3 < tokens.count(); i++) {
        boolean head =
            tokens.isKeyword(i, "for")
                && tokens.is(i + 1, "(")
                && (tokens.is(i + 2, "let") || tokens.is(i + 2, "const"))
                && tokens.kind(i + 3) == JsTokens.Kind.WORD
                && !tokens.is(i + 3, "in")
                && !tokens.is(i + 3, "of");
        if (head) {
          for (int c = tokens.start(i + 2); c < tokens.end(i + 2); c++) {
            text[c] = ' ';
          }
          blanked.add(tokens.start(i));
          found = true;
        }
      }
      if (!found) {
        return new AnalysisText(current, tree, tokens(source, current, regexes, false), blanked);
      }
    }
    throw source.error(0, "let/const loops are nested too deeply");
  }

  private static JsTokens tokens(
      WrappedSource source, String text, Set<Integer> regexes, boolean guessOthers)
      throws ScriptSyntaxException {
    try {
      return JsTokens.scan(text, regexes, guessOthers);
    } catch (JsTokens.Malformed e) {
      throw source.error(e.position(), "the sandbox cannot read this syntax: " + e.getMessage());
    }
  }

  private static Set<Integer> regexStarts(CompilationUnitTree tree) {
    Set<Integer> starts = new HashSet<>();
    tree.accept(
        new SimpleTreeVisitorES6<Void, Void>() {
          @Override
          public Void visitRegExpLiteral(RegExpLiteralTree node, Void unused) {
            starts.add((int) node.getStartPosition());
            return null;
          }
        },
        null);
    return starts;
  }
}
