package dev.picloud.platform.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A keyset position in a list ordered by (created_at, id): the last row seen, as an opaque cursor.
 */
public record KeysetCursor(Instant createdAt, UUID id) {
  /**
   * Cuts rows fetched with {@code limit + 1} into a page whose cursor points after its last row.
   */
  public static <T> Page<T> page(
      List<T> rowsPlusOne, int limit, Function<T, KeysetCursor> position) {
    if (rowsPlusOne.size() <= limit) {
      return new Page<>(rowsPlusOne, null);
    }
    List<T> rows = rowsPlusOne.subList(0, limit);
    return new Page<>(rows, position.apply(rows.get(limit - 1)).encode());
  }

  public String encode() {
    String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static KeysetCursor decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      return new KeysetCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          UUID.fromString(parts[2]));
    } catch (RuntimeException e) {
      throw ApiException.invalid("cursor", "cursor is not one this API returned.");
    }
  }
}
