package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.sandbox.JsTokens.Kind;
import dev.picloud.runtime.sandbox.JsTokens.Malformed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Splits a script into {@link JsTokens}: comments and white space skipped, strings, template pieces
 * and regular expressions as single tokens, brackets paired. It reads only what placing hooks needs
 * and trusts the source to have parsed already.
 */
final class JsScanner {
  private final String src;
  private final JsTokens tokens;

  JsScanner(String src, JsTokens tokens) {
    this.src = src;
    this.tokens = tokens;
  }

  void scanAll(Set<Integer> regexStarts, boolean guessOthers) {
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
        i = tokens.add(Kind.REGEX, i, regexEnd(i));
      } else if (c == '\'' || c == '"') {
        i = tokens.add(Kind.STRING, i, stringEnd(i, c));
      } else if (c == '`'
          || (c == '}' && !open.isEmpty() && tokens.kind(open.peek()) == Kind.TEMPLATE)) {
        if (c == '}') {
          open.pop();
        }
        i = template(i, open);
      } else if (isWordStart(c, next)) {
        i = tokens.add(Kind.WORD, i, wordEnd(i));
      } else if (c == '=' && next == '>') {
        i = tokens.add(Kind.PUNCT, i, i + 2);
      } else {
        i = punct(i, c, open);
      }
    }
    if (!open.isEmpty()) {
      throw new Malformed(tokens.start(open.peek()), "unbalanced brackets");
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
    if (tokens.count() == 0) {
      return true;
    }
    int last = tokens.count() - 1;
    return switch (tokens.kind(last)) {
      case PUNCT -> !tokens.is(last, ")") && !tokens.is(last, "]") && !tokens.is(last, "}");
      case WORD -> BEFORE_EXPRESSION.contains(tokens.text(last));
      case TEMPLATE -> src.startsWith("${", tokens.end(last) - 2);
      default -> false;
    };
  }

  private int punct(int i, char c, Deque<Integer> open) {
    int index = tokens.count();
    tokens.add(Kind.PUNCT, i, i + 1);
    if (c == '(' || c == '[' || c == '{') {
      open.push(index);
    } else if (c == ')' || c == ']' || c == '}') {
      if (open.isEmpty() || tokens.kind(open.peek()) != Kind.PUNCT) {
        throw new Malformed(i, "unbalanced bracket");
      }
      tokens.link(open.pop(), index);
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
        return tokens.add(Kind.TEMPLATE, from, i + 1);
      } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
        open.push(tokens.count());
        return tokens.add(Kind.TEMPLATE, from, i + 2);
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
