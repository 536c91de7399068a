package dev.picloud.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.util.Map;

/**
 * {@link jakarta.json.Json}'s factory methods on one provider looked up once: each {@code
 * Json.create…} call looks the provider up again with a {@link java.util.ServiceLoader}, which was
 * a visible part of every run's cost.
 */
public final class Jsonp {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReaderFactory createReaderFactory(Map<String, ?> config) {
    return PROVIDER.createReaderFactory(config);
  }

  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }
}
