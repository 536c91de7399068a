package dev.picloud.outbox.control;

import java.util.UUID;

/** Builds {@link NewOutboxRow}s for tests: an async kv event unless told otherwise. */
final class NewRows {
  private final UUID appId;
  private SourceKind kind = SourceKind.KV;
  private UUID triggerId = UUID.randomUUID();
  private UUID scriptId = UUID.randomUUID();
  private UUID replyTo;
  private String replyNode;
  private String payload = "{\"op\": \"insert\"}";
  private String principal;
  private String idempotencyKey;
  private final UUID executionId = UUID.randomUUID();

  private NewRows(UUID appId) {
    this.appId = appId;
  }

  static NewRows async(UUID appId) {
    return new NewRows(appId);
  }

  /** A sync http row whose caller waits on {@code node}. */
  static NewRows sync(UUID appId, String node) {
    NewRows rows = new NewRows(appId).kind(SourceKind.HTTP);
    rows.replyTo = UUID.randomUUID();
    rows.replyNode = node;
    return rows;
  }

  /** The inbox id a sync row answers to. */
  UUID replyTo() {
    return replyTo;
  }

  NewRows kind(SourceKind value) {
    kind = value;
    return this;
  }

  NewRows trigger(UUID value) {
    triggerId = value;
    return this;
  }

  NewRows script(UUID value) {
    scriptId = value;
    return this;
  }

  NewRows payload(String json) {
    payload = json;
    return this;
  }

  NewRows principal(String json) {
    principal = json;
    return this;
  }

  NewRows idempotencyKey(String value) {
    idempotencyKey = value;
    return this;
  }

  NewOutboxRow build() {
    return new NewOutboxRow(
        appId,
        kind,
        triggerId,
        scriptId,
        replyTo,
        replyNode,
        payload,
        principal,
        0,
        executionId,
        executionId,
        idempotencyKey);
  }
}
