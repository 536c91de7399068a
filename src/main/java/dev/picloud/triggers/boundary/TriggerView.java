package dev.picloud.triggers.boundary;

import dev.picloud.triggers.control.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A trigger as the API shows it; fields of other kinds are left out. */
public record TriggerView(
    UUID id,
    UUID appId,
    UUID scriptId,
    String kind,
    boolean enabled,
    int retryMaxAttempts,
    String retryBackoff,
    long retryBaseMs,
    UUID registeredBy,
    String collectionGlob,
    List<String> ops,
    String sourceFilter,
    UUID triggerIdFilter,
    UUID scriptIdFilter,
    Instant createdAt,
    Instant updatedAt) {
  public static TriggerView of(Trigger t) {
    return new TriggerView(
        t.id(),
        t.appId(),
        t.scriptId(),
        t.kind().wire(),
        t.enabled(),
        t.retryMaxAttempts(),
        t.retryBackoff(),
        t.retryBaseMs(),
        t.registeredBy(),
        t.glob() == null ? null : t.glob().pattern(),
        t.ops() == null ? null : t.ops().ops().stream().sorted().toList(),
        t.sourceFilter(),
        t.triggerIdFilter(),
        t.scriptIdFilter(),
        t.createdAt(),
        t.updatedAt());
  }
}
