package dev.picloud.scripts.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.boundary.RoutingChanged;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.ForeignKeys;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.CompiledHandler;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.control.ScriptSyntaxException;
import dev.picloud.scripts.control.ScriptLimits;
import dev.picloud.scripts.control.ScriptRules;
import dev.picloud.scripts.entity.Script;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The scripts facade. Source that does not compile is refused (422 naming line and column), so a
 * stored script always compiles; limits are validated against the instance ceilings.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Scripts {
  @PersistenceContext EntityManager em;
  @Inject AppAccess access;
  @Inject ScriptRuntime runtime;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<RoutingChanged> changed;

  public ScriptView create(Caller caller, String appRef, CreateScript command) {
    App app = access.require(caller, appRef, Capability.WRITE_SCRIPTS);
    String name = ScriptRules.name(command.name());
    String source = ScriptRules.source(command.source());
    Integer timeout = timeout(command.timeoutSeconds());
    String limits = ScriptLimits.validate(command.limits());
    requireFreeName(app.id(), name);
    Script script = new Script(app.id(), name, source, timeout, limits, clock.instant());
    compile(script);
    em.persist(script);
    return ScriptView.of(script);
  }

  public List<ScriptView> list(Caller caller, String appRef) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return em.createNamedQuery(Script.OF_APP, Script.class)
        .setParameter("app", app.id())
        .getResultStream()
        .map(ScriptView::summary)
        .toList();
  }

  public ScriptView get(Caller caller, String appRef, UUID scriptId) {
    return ScriptView.of(find(access.require(caller, appRef, Capability.READ_APP), scriptId));
  }

  public ScriptView update(Caller caller, String appRef, UUID scriptId, UpdateScript command) {
    App app = access.require(caller, appRef, Capability.WRITE_SCRIPTS);
    Script script = find(app, scriptId);
    var now = clock.instant();
    if (command.name().present()) {
      String name = ScriptRules.name(command.name().value());
      if (!name.equals(script.name())) {
        requireFreeName(app.id(), name);
      }
      script.rename(name, now);
    }
    if (command.source().present()) {
      script.changeSource(ScriptRules.source(command.source().value()), now);
      compile(script);
    }
    Integer timeout =
        command.timeoutSeconds().present()
            ? timeout(command.timeoutSeconds().value())
            : script.timeoutSeconds();
    JsonObject limits = command.limits().present() ? command.limits().value() : null;
    String limitsJson =
        command.limits().present() ? ScriptLimits.validate(limits) : script.limits();
    if (!Objects.equals(timeout, script.timeoutSeconds())) {
      app.routingChanged(now);
      changed.fire(new RoutingChanged(app.id()));
    }
    script.changeLimits(timeout, limitsJson, now);
    return ScriptView.of(script);
  }

  /** A script that routes or triggers still point at is not deleted (409 {@code script_in_use}). */
  public void delete(Caller caller, String appRef, UUID scriptId) {
    em.remove(find(access.require(caller, appRef, Capability.WRITE_SCRIPTS), scriptId));
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (ForeignKeys.violated(e)) {
        throw ApiException.conflict(
            "script_in_use",
            "Routes or triggers still use the script; delete or repoint them first.");
      }
      throw e;
    }
  }

  /** Compiles the script's current version (cached by the runtime); a syntax error is a 422. */
  private CompiledHandler compile(Script script) {
    try {
      return runtime.compile(script.id(), script.version(), script.source());
    } catch (ScriptSyntaxException e) {
      throw ScriptRuns.invalid(e);
    }
  }

  private Script find(App app, UUID scriptId) {
    Script script = em.find(Script.class, scriptId);
    if (script == null || !script.appId().equals(app.id())) {
      throw ApiException.notFound("Script");
    }
    return script;
  }

  private Integer timeout(Integer seconds) {
    return ScriptRules.timeoutSeconds(seconds, settings.sandboxCeilings().timeoutSeconds());
  }

  private void requireFreeName(UUID appId, String name) {
    boolean taken =
        em.createNamedQuery(Script.BY_NAME, Script.class)
            .setParameter("app", appId)
            .setParameter("name", name)
            .getResultStream()
            .findAny()
            .isPresent();
    if (taken) {
      throw ApiException.conflict(
          "script_name_taken", "This app already has a script '" + name + "'.");
    }
  }
}
