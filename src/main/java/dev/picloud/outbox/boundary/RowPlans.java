package dev.picloud.outbox.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.outbox.control.Backoff;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.RetryPolicy;
import dev.picloud.outbox.control.SourceKind;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.scripts.boundary.RunServices;
import dev.picloud.scripts.boundary.ScriptRuns;
import dev.picloud.scripts.control.RequestJson;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import dev.picloud.triggers.control.Trigger;
import dev.picloud.triggers.control.TriggerStore;
import dev.picloud.users.boundary.Users;
import dev.picloud.users.entity.InstanceRole;
import dev.picloud.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a claimed row into a {@link RowPlan}. HTTP rows run anonymously (SPEC 3.4) with the
 * instance retry defaults; trigger rows run as the user who registered the trigger, with that
 * user's current role and the trigger's retry policy as they are now — a deleted or disabled
 * trigger, a deactivated user or a missing script means the row is not run.
 */
@ApplicationScoped
public class RowPlans {
  @Inject TriggerStore triggers;
  @Inject Users users;
  @Inject Settings settings;
  @Inject RunServices services;

  /** {@code scripts}: those read with the row's batch ({@link RowRuns#startAll}). */
  RowPlan plan(ClaimedRow row, Map<UUID, RunnableScript> scripts) {
    JsonObject payload = Jsonp.createReader(new StringReader(row.payloadJson())).readObject();
    boolean http = row.sourceKind() == SourceKind.HTTP;
    Optional<UUID> handled =
        row.sourceKind() == SourceKind.DEAD_LETTER
            ? Optional.of(UUID.fromString(payload.getString("dead_letter_id")))
            : Optional.empty();
    Invocation invocation = http ? Invocation.HTTP : Invocation.TRIGGER;
    var log =
        new RunLogs.RunOf(
            row.appId(),
            row.scriptId(),
            row.executionId(),
            row.rootExecutionId(),
            http ? null : row.triggerId(),
            http ? row.triggerId() : null,
            invocation.wireName(),
            row.attemptCount());
    // Scripts are read by id: one of another app is as good as gone for this row.
    Optional<RunnableScript> script =
        Optional.ofNullable(scripts.get(row.scriptId()))
            .filter(found -> found.appId().equals(row.appId()));
    if (script.isEmpty()) {
      return RowPlan.refused(
          log, handled, new RowPlan.Refusal("the script no longer exists", false));
    }
    if (http) {
      RequestData request = RequestJson.fromJson(payload.getJsonObject("request"));
      var spec =
          spec(
              row,
              request,
              Optional.empty(),
              payload.getString("request_id", null),
              invocation,
              Optional.empty());
      return new RowPlan(script.get(), spec, log, instanceDefaults(), handled, Optional.empty());
    }
    Optional<Trigger> trigger =
        triggers.find(row.appId(), row.triggerId()).filter(Trigger::enabled);
    if (trigger.isEmpty()) {
      return RowPlan.refused(
          log, handled, new RowPlan.Refusal("the trigger was deleted or disabled", true));
    }
    Optional<User> user = users.find(trigger.get().registeredBy()).filter(User::active);
    if (user.isEmpty()) {
      return RowPlan.refused(
          log,
          handled,
          new RowPlan.Refusal("the user who registered the trigger is not active", false));
    }
    Caller principal =
        Caller.triggerRegistrant(
            user.get().id(),
            user.get().username(),
            user.get().role() == InstanceRole.OWNER,
            trigger.get().id());
    var spec =
        spec(
            row,
            RequestData.none(),
            Optional.of(payload.getJsonObject("event")),
            null,
            invocation,
            Optional.of(principal));
    return new RowPlan(script.get(), spec, log, policyOf(trigger.get()), handled, Optional.empty());
  }

  private ScriptRuns.RunSpec spec(
      ClaimedRow row,
      RequestData request,
      Optional<JsonObject> event,
      String requestId,
      Invocation invocation,
      Optional<Caller> principal) {
    return new ScriptRuns.RunSpec(
        request,
        event,
        row.executionId(),
        row.rootExecutionId(),
        requestId == null ? row.executionId().toString() : requestId,
        invocation,
        row.attemptCount(),
        row.triggerDepth(),
        !row.sync(),
        principal.map(Object.class::cast),
        services.forRun(row.appId(), principal));
  }

  private RetryPolicy instanceDefaults() {
    Settings.RetryDefaults defaults = settings.retryDefaults();
    return new RetryPolicy(
        defaults.maxAttempts(), Backoff.fromWire(defaults.backoff()), defaults.baseMs());
  }

  private static RetryPolicy policyOf(Trigger trigger) {
    return new RetryPolicy(
        trigger.retryMaxAttempts(),
        Backoff.fromWire(trigger.retryBackoff()),
        trigger.retryBaseMs());
  }
}
