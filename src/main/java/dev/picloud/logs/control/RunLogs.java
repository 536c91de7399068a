package dev.picloud.logs.control;

import dev.picloud.platform.control.Ids;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.runtime.control.LogLine;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.ScriptResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Turns a run (or a run refused for lack of a slot) into the execution log row to store. */
public final class RunLogs {
  private RunLogs() {}

  /** Where a run sits: its app, script, execution, chain and cause. */
  public record RunOf(
      UUID appId,
      UUID scriptId,
      UUID executionId,
      UUID rootExecutionId,
      UUID triggerId,
      UUID routeId,
      String invocation,
      int attempt) {}

  public static ExecutionLog of(
      RunOf run, RequestData request, RunOutcome outcome, Long queuedMs, Instant at) {
    Integer code =
        outcome.response().map(ScriptResponse::status).orElse(outcome.status().httpStatus());
    String body = outcome.response().map(RunLogs::responseText).orElse(null);
    String error = outcome.error().map(text -> outcome.status().code() + ": " + text).orElse(null);
    return new ExecutionLog(
        Ids.timeOrdered(),
        run.appId(),
        run.scriptId(),
        run.executionId(),
        run.rootExecutionId(),
        run.triggerId(),
        run.routeId(),
        run.invocation(),
        run.attempt(),
        status(outcome),
        requestJson(request),
        code,
        body,
        logsJson(outcome.logs()),
        error,
        outcome.duration().toMillis(),
        queuedMs,
        at);
  }

  /** A row the dispatcher did not run (its trigger, user or script is gone): says why. */
  public static ExecutionLog refused(RunOf run, String reason, Instant at) {
    return withoutRun(run, "error", null, null, "not_run: " + reason, at);
  }

  public static ExecutionLog overloaded(RunOf run, RequestData request, Instant at) {
    return withoutRun(
        run, "overloaded", requestJson(request), 503, "overloaded: no execution slot was free", at);
  }

  /** A log for a run that never started: no duration, logs, body or queueing delay. */
  private static ExecutionLog withoutRun(
      RunOf run, String status, String request, Integer code, String error, Instant at) {
    return new ExecutionLog(
        Ids.timeOrdered(),
        run.appId(),
        run.scriptId(),
        run.executionId(),
        run.rootExecutionId(),
        run.triggerId(),
        run.routeId(),
        run.invocation(),
        run.attempt(),
        status,
        request,
        code,
        null,
        "[]",
        error,
        0,
        null,
        at);
  }

  private static String status(RunOutcome outcome) {
    return switch (outcome.status()) {
      case SUCCESS -> "success";
      case TIMEOUT -> "timeout";
      case BUDGET_EXCEEDED -> "budget_exceeded";
      case SCRIPT_ERROR, INVALID_RESPONSE -> "error";
    };
  }

  private static String requestJson(RequestData request) {
    JsonObjectBuilder query = Jsonp.createObjectBuilder();
    request.query().forEach(query::add);
    String body = request.body().toString();
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("method", request.method())
            .add("path", request.path())
            .add("headers", LogCaps.redactHeaders(request.headers()))
            .add("query", query);
    if (body.length() * 3L <= LogCaps.BODY_BYTES) {
      json.add("body", request.body());
    } else {
      json.add("body", LogCaps.capBody(body));
    }
    request.bodyEncoding().ifPresent(e -> json.add("body_encoding", e));
    return json.build().toString();
  }

  private static String responseText(ScriptResponse response) {
    String type = response.contentType().orElse("").toLowerCase(Locale.ROOT);
    boolean text =
        type.isEmpty()
            || type.contains("json")
            || type.startsWith("text/")
            || type.contains("xml")
            || type.contains("javascript");
    if (!text) {
      return "[" + response.body().length + " bytes of " + type + "]";
    }
    return LogCaps.capBody(new String(response.body(), StandardCharsets.UTF_8));
  }

  private static String logsJson(List<LogLine> lines) {
    JsonArrayBuilder array = Jsonp.createArrayBuilder();
    for (LogLine line : lines) {
      array.add(
          Jsonp.createObjectBuilder()
              .add("level", line.level().name().toLowerCase(Locale.ROOT))
              .add("time", line.isoTime())
              .add("message", line.message()));
    }
    return array.build().toString();
  }
}
