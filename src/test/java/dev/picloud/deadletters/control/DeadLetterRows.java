package dev.picloud.deadletters.control;

import dev.picloud.platform.control.Jdbc;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Builds dead letters as the dispatcher leaves them: an unresolved async http request. */
final class DeadLetterRows {
  private final UUID appId;
  private String source = "http";
  private String op = "POST";
  private UUID triggerId = UUID.randomUUID();
  private UUID scriptId = UUID.randomUUID();
  private String payload = "{\"request\": {\"method\": \"POST\", \"path\": \"/jobs\"}}";
  private String lastError = "Error: boom";
  private Instant createdAt = Instant.now();
  private String resolution;
  private Instant resolvedAt;

  private DeadLetterRows(UUID appId) {
    this.appId = appId;
  }

  static DeadLetterRows of(UUID appId) {
    return new DeadLetterRows(appId);
  }

  DeadLetterRows source(String value, String eventOp) {
    source = value;
    op = eventOp;
    return this;
  }

  DeadLetterRows trigger(UUID value) {
    triggerId = value;
    return this;
  }

  DeadLetterRows script(UUID value) {
    scriptId = value;
    return this;
  }

  DeadLetterRows payload(String json) {
    payload = json;
    return this;
  }

  DeadLetterRows error(String value) {
    lastError = value;
    return this;
  }

  DeadLetterRows createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  /** A handler failed: marked, yet still unresolved. */
  DeadLetterRows handlerFailed() {
    resolution = "handler_failed";
    resolvedAt = null;
    return this;
  }

  DeadLetterRows resolved(String value) {
    resolution = value;
    resolvedAt = Instant.now();
    return this;
  }

  UUID insert(DataSource db) {
    UUID id = UUID.randomUUID();
    UUID execution = UUID.randomUUID();
    String errors =
        "[{\"attempt\": 1, \"error\": \"first\"}, {\"attempt\": 2, \"error\": \""
            + lastError
            + "\"}]";
    Jdbc.update(
        db,
        """
        INSERT INTO dead_letters (id, app_id, original_event_id, source, op, trigger_id, script_id,
          payload, attempt_count, first_attempt_at, last_attempt_at, last_error, errors,
          execution_id, root_execution_id, resolved_at, resolution, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 2, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
        """,
        id,
        appId,
        UUID.randomUUID(),
        source,
        op,
        triggerId,
        scriptId,
        payload,
        createdAt.minusSeconds(2),
        createdAt.minusSeconds(1),
        lastError,
        errors,
        execution,
        execution,
        resolvedAt,
        resolution,
        createdAt);
    return id;
  }
}
