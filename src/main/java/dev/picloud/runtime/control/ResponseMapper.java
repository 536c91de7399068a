package dev.picloud.runtime.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the sandbox prelude made of a handler's result ({@code [status, body, raw, name,
 * value...]} or {@code [problem]}) into a response, checking everything again in Java: the prelude
 * runs in the script's global, where the script may have changed the built-ins it uses.
 */
final class ResponseMapper {
  private static final String JSON = "application/json";

  /** A result the platform cannot send: {@code invalid_response}, or a response over its limit. */
  static final class Refused extends Exception {
    private final boolean tooLarge;

    Refused(String message, boolean tooLarge) {
      super(message, null, false, false);
      this.tooLarge = tooLarge;
    }

    boolean tooLarge() {
      return tooLarge;
    }
  }

  private ResponseMapper() {}

  static ScriptResponse map(Object[] parts, int responseBytes) throws Refused {
    if (parts.length < 3 || (parts.length - 3) % 2 != 0 || !(parts[0] instanceof Number status)) {
      throw new Refused(parts.length > 0 ? String.valueOf(parts[0]) : "no result", false);
    }
    int code = status(status);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Optional<String> contentType = Optional.empty();
    if ((parts.length - 3) / 2 > HeaderRules.MAX_HEADERS) {
      throw new Refused("more than " + HeaderRules.MAX_HEADERS + " headers", false);
    }
    for (int i = 3; i < parts.length; i += 2) {
      String name;
      try {
        name = HeaderRules.name(String.valueOf(parts[i]));
        HeaderRules.value(name, String.valueOf(parts[i + 1]));
      } catch (IllegalArgumentException e) {
        throw new Refused(e.getMessage(), false);
      }
      String value = String.valueOf(parts[i + 1]);
      if (name.equals("content-type")) {
        if (contentType.isPresent()) {
          throw new Refused("more than one content-type header", false);
        }
        contentType = Optional.of(value);
      } else {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    if (!(parts[1] instanceof String body)) {
      return new ScriptResponse(code, headers, new byte[0], contentType);
    }
    boolean raw = Boolean.TRUE.equals(parts[2]);
    if (body.length() > responseBytes) {
      throw new Refused("the response body is larger than " + responseBytes + " bytes", true);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > responseBytes) {
      throw new Refused("the response body is larger than " + responseBytes + " bytes", true);
    }
    Optional<String> type =
        raw || contentType.filter(ResponseMapper::isJson).isPresent()
            ? contentType
            : Optional.of(JSON);
    return new ScriptResponse(code, headers, bytes, type);
  }

  private static int status(Number status) throws Refused {
    double d = status.doubleValue();
    if (d != Math.rint(d) || d < 100 || d > 599) {
      throw new Refused("statusCode must be a whole number from 100 to 599, not " + status, false);
    }
    return (int) d;
  }

  private static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase(JSON) || type.toLowerCase(java.util.Locale.ROOT).endsWith("+json");
  }
}
