package dev.picloud.runtime.sandbox;

import static dev.picloud.runtime.sandbox.WrappedSource.LOOP;
import static dev.picloud.runtime.sandbox.WrappedSource.read;

import java.util.Set;

/** The parts of placing hooks that work on tokens alone. */
final class TokenPass {
  private TokenPass() {}

  /**
   * Expression-bodied arrows are found by their {@code =>} token (the tree reports their positions
   * wrongly). An arrow whose body is another arrow ({@code x => y => x + y}) gets no hook: Nashorn
   * cannot compile an unparenthesised arrow as a branch of {@code ?:}, and making the inner
   * function costs nothing worth metering (the inner arrow's calls are metered). The hook is the
   * loop hook, one operation: with no end position there is no exit hook, so an entry hook would
   * count every call as one more level of nesting that never returns.
   */
  static void placeExpressionArrows(JsTokens tokens, Insertions out) {
    for (int i = 0; i < tokens.count(); i++) {
      if (tokens.is(i, "=>") && !tokens.is(i + 1, "{") && !startsArrow(tokens, i + 1)) {
        out.open(tokens.end(i), read(LOOP) + "?0:");
      }
    }
  }

  /**
   * Whether the tree has a node for every keyword of a construct that gets a hook; a construct the
   * tree lost would otherwise run without hooks.
   */
  static boolean sawEveryKeyword(
      JsTokens tokens,
      Set<Integer> forLoops,
      int whileLoops,
      int arrows,
      int catches,
      int throwStatements) {
    int fors = 0;
    int whiles = 0;
    int arrowTokens = 0;
    int catchKeywords = 0;
    int throwKeywords = 0;
    for (int i = 0; i < tokens.count(); i++) {
      fors += tokens.isKeyword(i, "for") ? 1 : 0;
      whiles += tokens.isKeyword(i, "while") ? 1 : 0;
      arrowTokens += tokens.is(i, "=>") ? 1 : 0;
      catchKeywords += tokens.isKeyword(i, "catch") ? 1 : 0;
      throwKeywords += tokens.isKeyword(i, "throw") ? 1 : 0;
    }
    return fors == forLoops.size()
        && whiles == whileLoops
        && arrowTokens == arrows
        && catchKeywords == catches
        && throwKeywords == throwStatements;
  }

  private static boolean startsArrow(JsTokens tokens, int token) {
    if (tokens.kind(token) == JsTokens.Kind.WORD) {
      return tokens.is(token + 1, "=>");
    }
    return tokens.is(token, "(")
        && tokens.partner(token) > 0
        && tokens.is(tokens.partner(token) + 1, "=>");
  }
}
