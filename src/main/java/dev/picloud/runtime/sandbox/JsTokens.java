package dev.picloud.runtime.sandbox;

import java.util.Arrays;
import java.util.Set;

/**
 * Token boundaries of a script, for placing instrumentation. Nashorn's tree API reports unreliable
 * end positions (string literals without their quotes, dropped parentheses, trailing comments), so
 * the instrumenter anchors every insertion on tokens found here: keywords, the parentheses of a
 * loop header, the braces of a function body, {@code =>}. Regular expression literals are taken
 * from the parse tree, which removes the slash ambiguity. Any disagreement with Nashorn's own
 * reading is caught afterwards by {@link InstrumentedShape}, so a mistake here rejects a script,
 * never runs it unhooked.
 */
final class JsTokens {
  enum Kind {
    WORD,
    PUNCT,
    STRING,
    TEMPLATE,
    REGEX
  }

  /** The tokenizer read the source differently from Nashorn's parser. */
  static final class Malformed extends RuntimeException {
    private final int position;

    Malformed(int position, String message) {
      super(message, null, false, false);
      this.position = position;
    }

    int position() {
      return position;
    }
  }

  private final String src;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int[] partners = new int[64];
  private Kind[] kinds = new Kind[64];
  private int count;

  private JsTokens(String src) {
    this.src = src;
  }

  /**
   * Tokens of {@code src}. A slash starts a regular expression at the positions the parse tree
   * names; with {@code guessOthers} also where the previous token allows an expression, for code
   * the tree did not show (see {@link AnalysisText}).
   */
  static JsTokens scan(String src, Set<Integer> regexStarts, boolean guessOthers) {
    JsTokens tokens = new JsTokens(src);
    new JsScanner(src, tokens).scanAll(regexStarts, guessOthers);
    return tokens;
  }

  String text(int i) {
    return src.substring(starts[i], ends[i]);
  }

  /** A keyword, not a property name ({@code o.for}) or an object key ({@code {for: 1}}). */
  boolean isKeyword(int i, String word) {
    return is(i, word) && !is(i - 1, ".") && !is(i + 1, ":");
  }

  int count() {
    return count;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  Kind kind(int i) {
    return kinds[i];
  }

  /** The matching bracket of the bracket token {@code i}, or -1. */
  int partner(int i) {
    return partners[i];
  }

  boolean is(int i, String text) {
    return i >= 0
        && i < count
        && ends[i] - starts[i] == text.length()
        && src.startsWith(text, starts[i]);
  }

  /** The token containing {@code position}, else the first token after it, else {@code count}. */
  int at(long position) {
    int i = Arrays.binarySearch(starts, 0, count, (int) position);
    if (i >= 0) {
      return i;
    }
    int before = -i - 2;
    return before >= 0 && position < ends[before] ? before : before + 1;
  }

  /** Appends a token; returns its end, where scanning goes on. */
  int add(Kind kind, int start, int end) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      partners = Arrays.copyOf(partners, count * 2);
      kinds = Arrays.copyOf(kinds, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    partners[count] = -1;
    kinds[count] = kind;
    count++;
    return end;
  }

  void link(int opener, int closer) {
    partners[opener] = closer;
    partners[closer] = opener;
  }
}
