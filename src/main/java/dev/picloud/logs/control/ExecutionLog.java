package dev.picloud.logs.control;

import java.time.Instant;
import java.util.UUID;

/**
 * One run as it is stored. {@code request} and {@code logs} are JSON text (already redacted and
 * capped by {@link LogCaps}); {@code executionId} is shared by every attempt of one execution.
 */
public record ExecutionLog(
    UUID id,
    UUID appId,
    UUID scriptId,
    UUID executionId,
    UUID rootExecutionId,
    UUID triggerId,
    UUID routeId,
    String invocation,
    int attempt,
    String status,
    String requestJson,
    Integer responseCode,
    String responseBody,
    String logsJson,
    String error,
    long durationMs,
    Long queuedMs,
    Instant createdAt) {

  /**
   * The run succeeded but its writes could not be committed (a concurrent run changed a key it had
   * read): the log says the execution failed, and why.
   */
  public ExecutionLog failedToCommit(String code, String message, int status) {
    return new ExecutionLog(
        id,
        appId,
        scriptId,
        executionId,
        rootExecutionId,
        triggerId,
        routeId,
        invocation,
        attempt,
        "error",
        requestJson,
        status,
        responseBody,
        logsJson,
        code + ": " + message,
        durationMs,
        queuedMs,
        createdAt);
  }
}
