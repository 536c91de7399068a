package dev.picloud.triggers.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored trigger. {@code glob}/{@code ops} are set for kv and docs triggers; the three filters
 * (each null = any) for dead-letter triggers.
 */
public record Trigger(
    UUID id,
    UUID appId,
    UUID scriptId,
    TriggerKind kind,
    boolean enabled,
    int retryMaxAttempts,
    String retryBackoff,
    long retryBaseMs,
    UUID registeredBy,
    CollectionGlob glob,
    DataOps ops,
    String sourceFilter,
    UUID triggerIdFilter,
    UUID scriptIdFilter,
    Instant createdAt,
    Instant updatedAt) {

  /** Does a change of {@code op} in {@code collection} fire this kv/docs trigger? */
  public boolean firesOn(String collection, String op) {
    return enabled && glob.matches(collection) && ops.matches(op);
  }

  /** Does a new dead letter of this source, trigger and script fire this dead-letter trigger? */
  public boolean firesOnDeadLetter(String source, UUID failedTriggerId, UUID failedScriptId) {
    return enabled
        && (sourceFilter == null || sourceFilter.equals(source))
        && (triggerIdFilter == null || triggerIdFilter.equals(failedTriggerId))
        && (scriptIdFilter == null || scriptIdFilter.equals(failedScriptId));
  }
}
