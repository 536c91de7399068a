package dev.picloud.logs.control;

import dev.picloud.platform.control.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Keyset position in the newest-first log list: the (created_at, id) of the last row seen. */
public record LogCursor(Instant createdAt, UUID id) {
  public String encode() {
    String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static LogCursor decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      return new LogCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          UUID.fromString(parts[2]));
    } catch (RuntimeException e) {
      throw ApiException.invalid("cursor", "cursor is not one this API returned.");
    }
  }
}
