package dev.picloud.triggers.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.Settings;
import dev.picloud.scripts.entity.Script;
import dev.picloud.triggers.control.CollectionGlob;
import dev.picloud.triggers.control.DataOps;
import dev.picloud.triggers.control.RetryRules;
import dev.picloud.triggers.control.Trigger;
import dev.picloud.triggers.control.TriggerKind;
import dev.picloud.triggers.control.TriggerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The triggers facade. A trigger's script must belong to its app; its retry policy is copied from
 * the instance defaults at creation; disabling or deleting it drops its rows nobody has claimed.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Triggers {
  @PersistenceContext EntityManager em;
  @Inject AppAccess access;
  @Inject TriggerStore store;
  @Inject OutboxStore outbox;
  @Inject Settings settings;

  public List<TriggerView> list(Caller caller, String appRef) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return store.forApp(app.id()).stream().map(TriggerView::of).toList();
  }

  public TriggerView get(Caller caller, String appRef, UUID id) {
    return TriggerView.of(find(access.require(caller, appRef, Capability.READ_APP), id));
  }

  public TriggerView createData(
      Caller caller, String appRef, TriggerKind kind, CreateDataTrigger command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    Settings.RetryDefaults defaults = settings.retryDefaults();
    Trigger trigger =
        new Trigger(
            UUID.randomUUID(),
            app.id(),
            scriptOf(app, command.scriptId()),
            kind,
            true,
            RetryRules.maxAttempts(or(command.retryMaxAttempts(), defaults.maxAttempts())),
            RetryRules.backoff(or(command.retryBackoff(), defaults.backoff())),
            RetryRules.baseMs(or(command.retryBaseMs(), defaults.baseMs())),
            caller.userId(),
            new CollectionGlob(command.collectionGlob()),
            DataOps.of(command.ops()),
            null,
            null,
            null,
            null,
            null);
    return TriggerView.of(store.insert(trigger));
  }

  public TriggerView createDeadLetter(
      Caller caller, String appRef, CreateDeadLetterTrigger command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    Settings.RetryDefaults defaults = settings.retryDefaults();
    Trigger trigger =
        new Trigger(
            UUID.randomUUID(),
            app.id(),
            scriptOf(app, command.scriptId()),
            TriggerKind.DEAD_LETTER,
            true,
            defaults.maxAttempts(),
            defaults.backoff(),
            defaults.baseMs(),
            caller.userId(),
            null,
            null,
            sourceFilter(command.sourceFilter()),
            command.triggerIdFilter(),
            command.scriptIdFilter(),
            null,
            null);
    return TriggerView.of(store.insert(trigger));
  }

  public TriggerView update(Caller caller, String appRef, UUID id, UpdateTrigger command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    Trigger t = find(app, id);
    Trigger changed =
        new Trigger(
            t.id(),
            t.appId(),
            t.scriptId(),
            t.kind(),
            or(command.enabled(), t.enabled()),
            RetryRules.maxAttempts(or(command.retryMaxAttempts(), t.retryMaxAttempts())),
            RetryRules.backoff(or(command.retryBackoff(), t.retryBackoff())),
            RetryRules.baseMs(or(command.retryBaseMs(), t.retryBaseMs())),
            t.registeredBy(),
            t.glob(),
            t.ops(),
            t.sourceFilter(),
            t.triggerIdFilter(),
            t.scriptIdFilter(),
            t.createdAt(),
            t.updatedAt());
    store.update(changed);
    if (!changed.enabled()) {
      outbox.dropUnclaimedForTrigger(id);
    }
    return TriggerView.of(find(app, id));
  }

  public void delete(Caller caller, String appRef, UUID id) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    find(app, id);
    store.delete(app.id(), id);
    outbox.dropUnclaimedForTrigger(id);
  }

  private Trigger find(App app, UUID id) {
    return store.find(app.id(), id).orElseThrow(() -> ApiException.notFound("Trigger"));
  }

  private UUID scriptOf(App app, UUID scriptId) {
    Script script = scriptId == null ? null : em.find(Script.class, scriptId);
    if (script == null || !script.appId().equals(app.id())) {
      throw ApiException.invalid("script_id", "script_id must name a script of this app.");
    }
    return scriptId;
  }

  private static String sourceFilter(String source) {
    if (source != null && !List.of("http", "kv", "docs").contains(source)) {
      throw ApiException.invalid("source_filter", "source_filter must be http, kv or docs.");
    }
    return source;
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
