package dev.picloud.kv.boundary;

import dev.picloud.kv.control.KvEvent;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The synchronous CDI event of one KV commit that changed something: its events in (collection,
 * key) order, one per changed key. It is fired inside the committing transaction, so an observer
 * that writes (trigger fan-out to the outbox) commits or rolls back together with the data; an
 * observer that throws rolls the whole commit back.
 */
public record KvChanged(UUID appId, List<KvEvent> events, KvChangeContext context) {
  public KvChanged {
    Objects.requireNonNull(appId);
    events = List.copyOf(events);
    Objects.requireNonNull(context);
  }
}
