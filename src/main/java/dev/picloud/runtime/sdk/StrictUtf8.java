package dev.picloud.runtime.sdk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text for decoders: invalid UTF-8 is an error, not replacement characters. */
final class StrictUtf8 {
  private StrictUtf8() {}

  static String decode(byte[] bytes, JsArgs args) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw args.error("the decoded bytes are not valid UTF-8 text");
    }
  }

  static byte[] encode(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
