package dev.picloud.platform.boundary;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.JsonBodies;
import dev.picloud.platform.control.RecordBinder;
import dev.picloud.platform.control.Settings;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every admin command record strictly (see {@link RecordBinder}) under the admin body cap. It
 * replaces the container's lenient JSON-B reading for records.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class CommandBodyReader implements MessageBodyReader<Record> {
  @Inject Settings settings;

  @Override
  public boolean isReadable(
      Class<?> type, Type generic, Annotation[] annotations, MediaType media) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entityStream)
      throws IOException {
    byte[] bytes =
        JsonBodies.readCapped(entityStream, declaredLength(headers), settings.maxAdminBodyBytes());
    JsonValue json = JsonBodies.parse(JsonBodies.utf8(bytes));
    if (!(json instanceof JsonObject object)) {
      throw ApiException.badRequest("malformed_json", "The request body must be a JSON object.");
    }
    return RecordBinder.bind(object, type);
  }

  private static long declaredLength(MultivaluedMap<String, String> headers) {
    String value = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
