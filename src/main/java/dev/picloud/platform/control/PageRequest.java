package dev.picloud.platform.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Offset paging for the admin API's short lists: {@code limit} (default 50, 1–200) and an opaque
 * {@code cursor} that the previous page returned as {@code next_cursor}.
 */
public record PageRequest(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;
  private static final String PREFIX = "o:";

  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    return new PageRequest(size, cursor == null ? 0 : decode(cursor));
  }

  /** Cuts a result fetched with {@code limit + 1} rows into a page. */
  public <T> Page<T> page(List<T> rowsPlusOne) {
    if (rowsPlusOne.size() <= limit) {
      return new Page<>(rowsPlusOne, null);
    }
    return new Page<>(rowsPlusOne.subList(0, limit), encode(offset + limit));
  }

  private static int decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int value = Integer.parseInt(text.substring(PREFIX.length()));
        if (value >= 0) {
          return value;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalid("cursor", "cursor is not one this API returned.");
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }
}
