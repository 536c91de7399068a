package dev.picloud.runtime.sandbox;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
    JsTokens t = new JsTokens(src);
    t.scanAll(regexStarts, guessOthers);
    return t;
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

  private void scanAll(Set<Integer> regexStarts, boolean guessOthers) {
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      char next = i + 1 < n ? src.charAt(i + 1) : '\0';
      if (isSpace(c)) {
        i++;
      } else if (c == '/' && next == '/') {
        i = lineEnd(i);
      } else if (c == '/' && next == '*') {
        i = require(src.indexOf("*/", i + 2), i) + 2;
      } else if (c == '/' && (regexStarts.contains(i) || (guessOthers && expressionMayStart()))) {
        i = add(Kind.REGEX, i, regexEnd(i));
      } else if (c == '\'' || c == '"') {
        i = add(Kind.STRING, i, stringEnd(i, c));
      } else if (c == '`' || (c == '}' && !open.isEmpty() && kinds[open.peek()] == Kind.TEMPLATE)) {
        if (c == '}') {
          open.pop();
        }
        i = template(i, open);
      } else if (isWordStart(c, next)) {
        i = add(Kind.WORD, i, wordEnd(i));
      } else if (c == '=' && next == '>') {
        i = add(Kind.PUNCT, i, i + 2);
      } else {
        i = punct(i, c, open);
      }
    }
    if (!open.isEmpty()) {
      throw new Malformed(starts[open.peek()], "unbalanced brackets");
    }
  }

  private static final Set<String> BEFORE_EXPRESSION =
      Set.of(
          "return",
          "typeof",
          "instanceof",
          "in",
          "of",
          "new",
          "delete",
          "void",
          "throw",
          "case",
          "do",
          "else",
          "yield");

  /** Whether a slash here would start a regular expression rather than divide. */
  private boolean expressionMayStart() {
    if (count == 0) {
      return true;
    }
    int last = count - 1;
    return switch (kinds[last]) {
      case PUNCT -> !is(last, ")") && !is(last, "]") && !is(last, "}");
      case WORD -> BEFORE_EXPRESSION.contains(text(last));
      case TEMPLATE -> src.startsWith("${", ends[last] - 2);
      default -> false;
    };
  }

  private int punct(int i, char c, Deque<Integer> open) {
    int index = count;
    add(Kind.PUNCT, i, i + 1);
    if (c == '(' || c == '[' || c == '{') {
      open.push(index);
    } else if (c == ')' || c == ']' || c == '}') {
      if (open.isEmpty() || kinds[open.peek()] != Kind.PUNCT) {
        throw new Malformed(i, "unbalanced bracket");
      }
      int opener = open.pop();
      partners[opener] = index;
      partners[index] = opener;
    }
    return i + 1;
  }

  /**
   * A template piece runs from a backtick or a substitution's closing brace to `${` or a backtick.
   */
  private int template(int from, Deque<Integer> open) {
    int i = from + 1;
    while (true) {
      char c = src.charAt(require(i < src.length() ? i : -1, from));
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        return add(Kind.TEMPLATE, from, i + 1);
      } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
        open.push(count);
        return add(Kind.TEMPLATE, from, i + 2);
      } else {
        i++;
      }
    }
  }

  private int stringEnd(int from, char quote) {
    int i = from + 1;
    while (true) {
      char c = src.charAt(require(i < src.length() ? i : -1, from));
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
  }

  private int regexEnd(int from) {
    int i = from + 1;
    boolean inClass = false;
    while (true) {
      char c = src.charAt(require(i < src.length() ? i : -1, from));
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        return wordEnd(i + 1);
      }
      i++;
    }
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < src.length() && !isLineTerminator(src.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Identifiers, keywords and numbers alike: the instrumenter only compares their text. */
  private int wordEnd(int from) {
    int i = from;
    while (i < src.length()) {
      char c = src.charAt(i);
      boolean exponentSign =
          (c == '+' || c == '-')
              && Character.isDigit(src.charAt(from))
              && (src.charAt(i - 1) == 'e' || src.charAt(i - 1) == 'E')
              && !src.startsWith("0x", from)
              && !src.startsWith("0X", from);
      if (isWordPart(c) || (c == '.' && Character.isDigit(src.charAt(from))) || exponentSign) {
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  private int add(Kind kind, int start, int end) {
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

  private static int require(int index, int from) {
    if (index < 0) {
      throw new Malformed(from, "unterminated token");
    }
    return index;
  }

  private static boolean isWordStart(char c, char next) {
    return isWordPart(c) || (c == '.' && Character.isDigit(next));
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c)
        || c == '_'
        || c == '$'
        || c == '\\'
        || (c >= 0x80 && !isSpace(c));
  }

  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\u000B'
        || c == '\f'
        || c == '\u00A0'
        || c == '\uFEFF'
        || isLineTerminator(c)
        || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }
}
