package dev.picloud.runtime.control;

import dev.picloud.runtime.sdk.JsonText;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ctx.request} (SPEC 6.2, 5.3): header names lower case, {@code query} keeps the last value
 * of each key and {@code queryAll} every value, {@code body} already decoded by the HTTP layer.
 */
public record RequestData(
    String method,
    String path,
    Map<String, String> headers,
    Map<String, String> query,
    Map<String, List<String>> queryAll,
    Map<String, String> params,
    String rest,
    JsonValue body,
    Optional<String> bodyEncoding,
    Optional<Map<String, String>> form) {
  public RequestData {
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
    queryAll = Map.copyOf(queryAll);
    params = Map.copyOf(params);
  }

  /** The neutral request of trigger runs. */
  public static RequestData none() {
    return new RequestData(
        "",
        "",
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        "",
        JsonValue.NULL,
        Optional.empty(),
        Optional.empty());
  }

  StringBuilder appendJson(StringBuilder out) {
    out.append("{\"method\":");
    JsonText.quote(out, method).append(",\"path\":");
    JsonText.quote(out, path).append(",\"headers\":");
    JsonText.stringMap(out, headers).append(",\"query\":");
    JsonText.stringMap(out, query).append(",\"queryAll\":");
    JsonText.listMap(out, queryAll).append(",\"params\":");
    JsonText.stringMap(out, params).append(",\"rest\":");
    JsonText.quote(out, rest).append(",\"body\":").append(body);
    bodyEncoding.ifPresent(e -> JsonText.quote(out.append(",\"bodyEncoding\":"), e));
    form.ifPresent(f -> JsonText.stringMap(out.append(",\"form\":"), f));
    return out.append('}');
  }
}
