package dev.picloud.kv.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * The KV limits of SPEC 6.5 and what PostgreSQL can store. Names (collections and keys) are
 * non-empty, at most 512 UTF-8 bytes, well-formed Unicode without U+0000 (TEXT cannot hold it).
 * Values are at most 256 KiB as compact JSON text (UTF-8) with the same rule for their strings
 * (JSONB rejects {@code \u0000}, and a lone surrogate would reach the database as {@code ?}) and
 * numbers a JSONB numeric holds.
 */
public final class KvRules {
  public static final int MAX_NAME_BYTES = 512;
  public static final int MAX_VALUE_BYTES = 256 * 1024;
  public static final int MAX_OPERATIONS = 1_000;
  public static final int DEFAULT_PAGE = 100;
  public static final int MAX_PAGE = 1_000;

  /** Digits a stored number may have on either side of the point; JSONB holds far more. */
  private static final int MAX_NUMBER_DIGITS = 1_000;

  /**
   * Unicode code point order, which is PostgreSQL's "C" collation on UTF-8 text (kv_entries
   * compares names that way). {@link String#compareTo} compares UTF-16 units and would put U+FFFF
   * after U+10000.
   */
  public static final Comparator<String> NAME_ORDER = KvRules::compareCodePoints;

  private KvRules() {}

  static void checkCollection(String collection) {
    checkName(collection, "collection");
  }

  static void checkKey(String key) {
    checkName(key, "key");
  }

  /** The page size: the default when absent, else 1 to {@value #MAX_PAGE}. */
  static int pageSize(Integer limit) {
    if (limit == null) {
      return DEFAULT_PAGE;
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new KvException("invalid_limit", "limit must be between 1 and " + MAX_PAGE);
    }
    return limit;
  }

  /** The compact JSON text a value is stored as, once the value passed every rule. */
  static String valueText(JsonValue value) {
    String text = value.toString();
    int bytes = utf8Length(text);
    if (bytes > MAX_VALUE_BYTES) {
      throw new KvException(
          "value_too_large",
          "the value is " + bytes + " bytes as JSON; at most " + MAX_VALUE_BYTES + " are allowed");
    }
    checkContent(value);
    return text;
  }

  /** UTF-8 length of well-formed text; -1 when it has a lone surrogate. */
  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (!Character.isSurrogate(c)) {
        bytes += 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        return -1;
      }
    }
    return bytes;
  }

  private static void checkName(String name, String what) {
    if (name.isEmpty()) {
      throw new KvException("invalid_" + what, what + " must not be empty");
    }
    int bytes = utf8Length(name);
    if (bytes < 0 || name.indexOf('\0') >= 0) {
      throw new KvException(
          "invalid_" + what, what + " must be valid Unicode text without U+0000 characters");
    }
    if (bytes > MAX_NAME_BYTES) {
      throw new KvException(
          what + "_too_large",
          what + " is " + bytes + " bytes in UTF-8; at most " + MAX_NAME_BYTES + " are allowed");
    }
  }

  private static void checkContent(JsonValue value) {
    switch (value.getValueType()) {
      case STRING -> checkText(((JsonString) value).getString());
      case NUMBER -> checkNumber(((JsonNumber) value).bigDecimalValue());
      case ARRAY -> value.asJsonArray().forEach(KvRules::checkContent);
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
          checkText(member.getKey());
          checkContent(member.getValue());
        }
      }
      default -> {
        // true, false and null need no check
      }
    }
  }

  private static void checkText(String text) {
    if (text.indexOf('\0') >= 0 || utf8Length(text) < 0) {
      throw new KvException(
          "invalid_value", "strings in a value must be valid Unicode without U+0000 characters");
    }
  }

  private static void checkNumber(BigDecimal number) {
    if (number.scale() > MAX_NUMBER_DIGITS
        || number.precision() - number.scale() > MAX_NUMBER_DIGITS) {
      throw new KvException("invalid_value", "a number in the value is out of range");
    }
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
