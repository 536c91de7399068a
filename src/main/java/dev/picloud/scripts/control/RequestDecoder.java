package dev.picloud.scripts.control;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.JsonBodies;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.runtime.control.RequestData;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC 5.3: a request body becomes {@code ctx.request.body} by its content type. JSON (or a
 * JSON-parsable body without a content type) is parsed, invalid JSON is a 400; text is a string; a
 * form is a string and also {@code ctx.request.form}; anything else is base64 with {@code
 * bodyEncoding: "base64"}.
 */
public final class RequestDecoder {
  private static final String FORM = "application/x-www-form-urlencoded";

  private RequestDecoder() {}

  /** The parts of an HTTP request a script sees. */
  public record HttpRequest(
      String method,
      String path,
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      byte[] body,
      String contentType) {}

  public static RequestData decode(HttpRequest http, Map<String, String> params, String rest) {
    Map<String, String> headers = new LinkedHashMap<>();
    http.headers()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
    Map<String, String> query = new LinkedHashMap<>();
    http.query().forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
    String type = mediaType(http.contentType());
    JsonValue body = JsonValue.NULL;
    Optional<String> encoding = Optional.empty();
    Optional<Map<String, String>> form = Optional.empty();
    byte[] bytes = http.body();
    if (bytes.length > 0) {
      if (type.equals("application/json") || type.endsWith("+json")) {
        body = json(bytes);
      } else if (type.isEmpty() && looksLikeJson(bytes)) {
        body = json(bytes);
      } else if (type.startsWith("text/")) {
        body = Jsonp.createValue(JsonBodies.utf8(bytes));
      } else if (type.equals(FORM)) {
        String text = JsonBodies.utf8(bytes);
        body = Jsonp.createValue(text);
        form = Optional.of(formFields(text));
      } else {
        body = Jsonp.createValue(Base64.getEncoder().encodeToString(bytes));
        encoding = Optional.of("base64");
      }
    }
    return new RequestData(
        http.method().toUpperCase(Locale.ROOT),
        http.path(),
        headers,
        query,
        http.query(),
        params,
        rest,
        body,
        encoding,
        form);
  }

  private static JsonValue json(byte[] bytes) {
    try {
      return JsonBodies.parse(JsonBodies.utf8(bytes));
    } catch (ApiException e) {
      throw ApiException.badRequest("invalid_json", "The request body is not valid JSON.");
    }
  }

  private static boolean looksLikeJson(byte[] bytes) {
    try {
      JsonBodies.parse(JsonBodies.utf8(bytes));
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  private static Map<String, String> formFields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.put(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid_form", "The form body is not valid URL encoding.");
      }
    }
    return fields;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
