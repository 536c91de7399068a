package dev.picloud.platform.control;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as JSON under a byte cap: too long → 413 (stops reading at the cap), not
 * UTF-8 → 400, not JSON (including nesting deeper than the parser allows) → 400.
 */
public final class JsonBodies {
  private JsonBodies() {}

  public static byte[] readCapped(InputStream in, long declaredLength, int cap) throws IOException {
    if (declaredLength > cap) {
      throw ApiException.tooLarge(cap);
    }
    byte[] bytes = in.readNBytes(cap + 1);
    if (bytes.length > cap) {
      throw ApiException.tooLarge(cap);
    }
    return bytes;
  }

  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("invalid_utf8", "The request body is not valid UTF-8.");
    }
  }

  public static JsonValue parse(String text) {
    if (text.isBlank()) {
      throw ApiException.badRequest("missing_body", "A JSON request body is required.");
    }
    try (JsonParser parser = Jsonp.createParser(new StringReader(text))) {
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw ApiException.badRequest(
            "malformed_json", "The request body has text after its JSON.");
      }
      return value;
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // JsonException for bad syntax; Parsson reports nesting beyond its depth limit as a plain
      // RuntimeException.
      throw ApiException.badRequest("malformed_json", "The request body is not valid JSON.");
    }
  }
}
