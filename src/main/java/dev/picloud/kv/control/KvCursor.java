package dev.picloud.kv.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a key list: the last key of the page, so the next page starts strictly after
 * it (keyset pagination; keys written or deleted meanwhile neither repeat nor shift a page).
 */
final class KvCursor {
  private static final String PREFIX = "k1:";

  private KvCursor() {}

  static String after(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  /** The key a cursor points after; a cursor this API did not make is an {@code invalid_cursor}. */
  static String lastKey(String cursor) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
              .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw invalid();
    }
    if (!text.startsWith(PREFIX)) {
      throw invalid();
    }
    String key = text.substring(PREFIX.length());
    try {
      KvRules.checkKey(key);
    } catch (KvException e) {
      throw invalid();
    }
    return key;
  }

  private static KvException invalid() {
    return new KvException("invalid_cursor", "the cursor is not one a list of this store returned");
  }
}
