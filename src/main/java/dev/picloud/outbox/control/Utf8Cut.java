package dev.picloud.outbox.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cuts text to a UTF-8 byte budget without splitting a character (or a surrogate pair). */
final class Utf8Cut {
  private Utf8Cut() {}

  /** The longest prefix of {@code text} whose UTF-8 encoding fits {@code maxBytes}. */
  static String prefix(String text, int maxBytes) {
    if (text == null || text.length() * 3L <= maxBytes) {
      return text;
    }
    // The encoder stops before the first character that would overflow the buffer, so the
    // characters it consumed are exactly the prefix that fits. A lone surrogate is encoded as '?'
    // here and by the driver alike, one byte either way.
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer in = CharBuffer.wrap(text);
    encoder.encode(in, ByteBuffer.allocate(maxBytes), true);
    return text.substring(0, in.position());
  }
}
