package dev.picloud.runtime.control;

import dev.picloud.runtime.sdk.JsonText;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * The data behind a script's {@code ctx} (SPEC 6.2). It reaches the script as JSON parsed inside
 * the script's own global, so every value is a plain JS value; {@code event} is left out entirely
 * when absent, so {@code "event" in ctx} is false.
 */
public record ScriptCtx(
    RequestData request,
    Optional<JsonObject> event,
    UUID appId,
    String appSlug,
    UUID scriptId,
    String scriptName,
    UUID executionId,
    UUID rootExecutionId,
    String requestId,
    Invocation invocation,
    int attempt,
    int triggerDepth) {

  /** The JSON text of {@code ctx}, with the runtime's {@code sdkVersion}. */
  public String toJson(String sdkVersion) {
    StringBuilder out = new StringBuilder(256).append("{\"request\":");
    request.appendJson(out);
    event.ifPresent(e -> out.append(",\"event\":").append(e));
    out.append(",\"app\":{\"id\":\"").append(appId).append("\",\"slug\":");
    JsonText.quote(out, appSlug).append("},\"script\":{\"id\":\"").append(scriptId);
    JsonText.quote(out.append("\",\"name\":"), scriptName).append('}');
    out.append(",\"executionId\":\"").append(executionId);
    out.append("\",\"rootExecutionId\":\"").append(rootExecutionId).append("\",\"requestId\":");
    JsonText.quote(out, requestId);
    out.append(",\"invocation\":\"").append(invocation.wireName());
    out.append("\",\"attempt\":").append(attempt).append(",\"triggerDepth\":").append(triggerDepth);
    return JsonText.quote(out.append(",\"sdkVersion\":"), sdkVersion).append('}').toString();
  }
}
