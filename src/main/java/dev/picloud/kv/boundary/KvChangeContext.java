package dev.picloud.kv.boundary;

import java.util.Objects;
import java.util.UUID;

/**
 * Who made a KV change, for the events it fires: the root execution of the writer's chain (a new id
 * for admin writes), the writer's trigger depth (0 for HTTP, direct and admin writes; a fired
 * trigger row is one deeper) and the principal's user id, null for a run without principal.
 */
public record KvChangeContext(UUID rootExecutionId, int triggerDepth, UUID principalUserId) {
  public KvChangeContext {
    Objects.requireNonNull(rootExecutionId);
    if (triggerDepth < 0) {
      throw new IllegalArgumentException("triggerDepth must not be negative");
    }
  }
}
