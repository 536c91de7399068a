package dev.picloud.outbox.control;

import java.util.Objects;
import java.util.UUID;

/**
 * A row to enqueue. Sync rows carry both {@code replyTo} (the inbox entry) and {@code replyNode}
 * (the node holding it); async rows carry neither. Payload and principal are JSON text.
 */
public record NewOutboxRow(
    UUID appId,
    SourceKind sourceKind,
    UUID triggerId,
    UUID scriptId,
    UUID replyTo,
    String replyNode,
    String payloadJson,
    String originPrincipalJson,
    int triggerDepth,
    UUID executionId,
    UUID rootExecutionId,
    String idempotencyKey) {
  public NewOutboxRow {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(sourceKind, "sourceKind");
    Objects.requireNonNull(scriptId, "scriptId");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(rootExecutionId, "rootExecutionId");
    if ((replyTo == null) != (replyNode == null)) {
      throw new IllegalArgumentException("a sync row needs both replyTo and replyNode");
    }
    if (triggerDepth < 0) {
      throw new IllegalArgumentException("triggerDepth must not be negative");
    }
  }

  public boolean sync() {
    return replyTo != null;
  }
}
