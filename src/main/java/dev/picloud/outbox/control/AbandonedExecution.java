package dev.picloud.outbox.control;

import java.util.UUID;

/**
 * A sync run's result that came after its caller had been answered 504: which row, run and inbox
 * entry, the status the script produced (null when it failed without one) and a summary of the
 * result (cut to {@link AbandonedExecutionStore#SUMMARY_BYTES} when stored).
 */
public record AbandonedExecution(
    UUID appId,
    UUID outboxId,
    UUID executionId,
    UUID scriptId,
    UUID inboxId,
    Integer statusCode,
    String resultSummary) {}
