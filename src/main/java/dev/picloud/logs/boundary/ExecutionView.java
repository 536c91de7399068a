package dev.picloud.logs.boundary;

import dev.picloud.logs.control.ExecutionLog;
import dev.picloud.platform.control.Jsonp;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * An execution log as the API shows it. In lists {@code logs} holds the first lines only and {@code
 * request}/{@code response_body} are absent; the detail has everything.
 */
public record ExecutionView(
    UUID id,
    UUID executionId,
    UUID rootExecutionId,
    UUID scriptId,
    UUID triggerId,
    UUID routeId,
    String invocation,
    int attempt,
    String status,
    Integer responseCode,
    String error,
    long durationMs,
    Long queuedMs,
    JsonValue logs,
    JsonValue request,
    String responseBody,
    Instant createdAt) {

  public static ExecutionView of(ExecutionLog log) {
    return new ExecutionView(
        log.id(),
        log.executionId(),
        log.rootExecutionId(),
        log.scriptId(),
        log.triggerId(),
        log.routeId(),
        log.invocation(),
        log.attempt(),
        log.status(),
        log.responseCode(),
        log.error(),
        log.durationMs(),
        log.queuedMs(),
        json(log.logsJson()),
        json(log.requestJson()),
        log.responseBody(),
        log.createdAt());
  }

  private static JsonValue json(String text) {
    if (text == null) {
      return null;
    }
    try (var reader = Jsonp.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
