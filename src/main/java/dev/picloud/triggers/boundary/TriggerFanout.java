package dev.picloud.triggers.boundary;

import dev.picloud.kv.boundary.KvChangeContext;
import dev.picloud.kv.boundary.KvChanged;
import dev.picloud.kv.control.KvEvent;
import dev.picloud.outbox.boundary.Dispatcher;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.OutboxSettles.DeadLettered;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.SourceKind;
import dev.picloud.platform.control.Ids;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.triggers.control.Trigger;
import dev.picloud.triggers.control.TriggerKind;
import dev.picloud.triggers.control.TriggerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One outbox row per matching trigger, written in the caller's transaction so the change and its
 * events commit together (matching runs in Java: an empty ops list means any op). A fanned-out row
 * is one level deeper than the row that caused it and keeps its root execution id, so a whole chain
 * can be followed.
 */
@ApplicationScoped
public class TriggerFanout {
  @Inject TriggerStore triggers;
  @Inject OutboxStore outbox;
  @Inject Dispatcher dispatcher;

  /**
   * KV writes fire the app's kv triggers whose glob and ops match, one row per trigger and event,
   * inside the transaction that commits the writes.
   */
  void kvChanged(@Observes KvChanged change) {
    List<Trigger> kvTriggers = triggers.enabled(change.appId(), TriggerKind.KV);
    if (kvTriggers.isEmpty()) {
      return;
    }
    KvChangeContext context = change.context();
    String principal =
        context.principalUserId() == null
            ? null
            : Jsonp.createObjectBuilder()
                .add("user_id", context.principalUserId().toString())
                .build()
                .toString();
    List<NewOutboxRow> rows = new ArrayList<>();
    for (KvEvent event : change.events()) {
      String payload = null;
      for (Trigger trigger : kvTriggers) {
        if (trigger.firesOn(event.collection(), event.op().wire())) {
          payload = payload == null ? kvPayload(event) : payload;
          rows.add(
              new NewOutboxRow(
                  change.appId(),
                  SourceKind.KV,
                  trigger.id(),
                  trigger.scriptId(),
                  null,
                  null,
                  payload,
                  principal,
                  context.triggerDepth() + 1,
                  Ids.timeOrdered(),
                  context.rootExecutionId(),
                  null));
        }
      }
    }
    if (!rows.isEmpty()) {
      outbox.insertAll(rows);
      dispatcher.wakeAfterCommit();
    }
  }

  /** SPEC 6.2: {@code {source: "kv", op, kv: {collection, key, value, oldValue}}}. */
  private static String kvPayload(KvEvent event) {
    JsonObjectBuilder kv =
        Jsonp.createObjectBuilder()
            .add("collection", event.collection())
            .add("key", event.key())
            .add("value", event.value() == null ? JsonValue.NULL : event.value())
            .add("oldValue", event.oldValue() == null ? JsonValue.NULL : event.oldValue());
    return Jsonp.createObjectBuilder()
        .add(
            "event",
            Jsonp.createObjectBuilder()
                .add("source", "kv")
                .add("op", event.op().wire())
                .add("kv", kv))
        .build()
        .toString();
  }

  /** A new dead letter fires the app's dead-letter triggers whose filters it passes. */
  public int deadLettered(ClaimedRow failed, DeadLettered dead, String op) {
    String source = failed.sourceKind().wire();
    List<Trigger> matching =
        triggers.enabled(failed.appId(), TriggerKind.DEAD_LETTER).stream()
            .filter(t -> t.firesOnDeadLetter(source, failed.triggerId(), failed.scriptId()))
            .toList();
    if (matching.isEmpty()) {
      return 0;
    }
    JsonObjectBuilder deadLetter =
        Jsonp.createObjectBuilder()
            .add("id", dead.id().toString())
            .add("original", original(source, op, dead.payloadJson()))
            .add("attempts", dead.attemptCount())
            .add("lastError", dead.lastError() == null ? "" : dead.lastError())
            .add("firstAttemptAt", dead.firstAttemptAt().toString())
            .add("lastAttemptAt", dead.lastAttemptAt().toString());
    optional(deadLetter, "triggerId", failed.triggerId());
    optional(deadLetter, "scriptId", failed.scriptId());
    String payload =
        Jsonp.createObjectBuilder()
            .add(
                "event",
                Jsonp.createObjectBuilder()
                    .add("source", "dead_letter")
                    .add("deadLetter", deadLetter))
            .add("dead_letter_id", dead.id().toString())
            .build()
            .toString();
    List<NewOutboxRow> rows =
        matching.stream()
            .map(
                t ->
                    new NewOutboxRow(
                        failed.appId(),
                        SourceKind.DEAD_LETTER,
                        t.id(),
                        t.scriptId(),
                        null,
                        null,
                        payload,
                        null,
                        failed.triggerDepth() + 1,
                        Ids.timeOrdered(),
                        failed.rootExecutionId(),
                        null))
            .toList();
    outbox.insertAll(rows);
    dispatcher.wakeAfterCommit();
    return rows.size();
  }

  /** The failed event as scripts see events: a trigger row's own event, or the HTTP request. */
  private static JsonValue original(String source, String op, String payloadJson) {
    JsonObject payload = Jsonp.createReader(new StringReader(payloadJson)).readObject();
    if (payload.containsKey("event")) {
      return payload.get("event");
    }
    return Jsonp.createObjectBuilder()
        .add("source", source)
        .add("op", op)
        .add("request", payload.getOrDefault("request", JsonValue.NULL))
        .build();
  }

  private static void optional(JsonObjectBuilder json, String name, UUID value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
