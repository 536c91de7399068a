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
    Instant createdAt) {}
