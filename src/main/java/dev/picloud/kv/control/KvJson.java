package dev.picloud.kv.control;

import dev.picloud.platform.control.Jsonp;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * JSON text to {@link JsonValue} for stored values and values scripts hand over. One reader factory
 * for the class: {@code Jsonp.createReader} looks the JSON-P provider up on every call.
 */
final class KvJson {
  private static final JsonReaderFactory READERS = Jsonp.createReaderFactory(Map.of());

  private KvJson() {}

  /**
   * Parses one JSON value.
   *
   * @throws jakarta.json.JsonException (or Parsson's depth error) when the text is not JSON
   */
  static JsonValue parse(String text) {
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
