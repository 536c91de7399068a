package dev.picloud.scripts.boundary;

import dev.picloud.platform.control.Jsonp;
import dev.picloud.scripts.entity.Script;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** A script as the API shows it; lists leave the source out. */
public record ScriptView(
    UUID id,
    UUID appId,
    String name,
    String source,
    Integer timeoutSeconds,
    JsonObject limits,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public static ScriptView of(Script script) {
    return new ScriptView(
        script.id(),
        script.appId(),
        script.name(),
        script.source(),
        script.timeoutSeconds(),
        parse(script.limits()),
        script.version(),
        script.createdAt(),
        script.updatedAt());
  }

  public static ScriptView summary(Script script) {
    ScriptView full = of(script);
    return new ScriptView(
        full.id,
        full.appId,
        full.name,
        null,
        full.timeoutSeconds,
        full.limits,
        full.version,
        full.createdAt,
        full.updatedAt);
  }

  private static JsonObject parse(String json) {
    try (var reader = Jsonp.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
