package dev.picloud.scripts.boundary;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.platform.control.Problem;
import dev.picloud.runtime.control.CompiledHandler;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.ScriptCtx;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.control.ScriptSyntaxException;
import dev.picloud.runtime.sdk.SdkContext;
import dev.picloud.runtime.sdk.Services;
import dev.picloud.scripts.control.ScriptLimits;
import dev.picloud.scripts.control.ScriptStore;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import dev.picloud.scripts.control.ScriptStore.SourcedScript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;

/** Builds the runtime request of one run of a stored script: compiled code, limits, ctx, SDK. */
@ApplicationScoped
public class ScriptRuns {
  @Inject ScriptRuntime runtime;
  @Inject ScriptStore store;

  /** Everything about one run that does not come from the script itself. */
  public record RunSpec(
      RequestData request,
      Optional<JsonObject> event,
      UUID executionId,
      UUID rootExecutionId,
      String requestId,
      Invocation invocation,
      int attempt,
      int triggerDepth,
      boolean async,
      Optional<Object> principal,
      Services services) {}

  /**
   * The run of {@code script}'s version when it is compiled here; otherwise its source is read and
   * compiled, with the script as it is now: one that changed since {@code script} was read runs as
   * its new version, settings and all, as if it had been read a moment later.
   *
   * @throws ApiException 404 when the script was deleted since, 422 when it does not compile
   */
  public RunRequest prepare(RunnableScript script, RunSpec run) {
    Optional<CompiledHandler> warm = runtime.compiled(script.id(), script.version());
    if (warm.isPresent()) {
      return request(script, warm.get(), run);
    }
    SourcedScript now =
        store.findWithSource(script.id()).orElseThrow(() -> ApiException.notFound("Script"));
    return request(now.script(), compile(now), run);
  }

  private RunRequest request(RunnableScript script, CompiledHandler handler, RunSpec run) {
    var ctx =
        new ScriptCtx(
            run.request(),
            run.event(),
            script.appId(),
            script.appSlug(),
            script.id(),
            script.name(),
            run.executionId(),
            run.rootExecutionId(),
            run.requestId(),
            run.invocation(),
            run.attempt(),
            run.triggerDepth());
    JsonObject overrides = Jsonp.createReader(new StringReader(script.limitsJson())).readObject();
    var limits = ScriptLimits.forRun(overrides, script.timeoutSeconds(), run.async());
    var sdk =
        new SdkContext(
            script.appId(), script.id(), run.executionId(), run.principal(), run.services());
    return new RunRequest(handler, limits, ctx, sdk);
  }

  private CompiledHandler compile(SourcedScript sourced) {
    RunnableScript script = sourced.script();
    try {
      return runtime.compile(script.id(), script.version(), sourced.source());
    } catch (ScriptSyntaxException e) {
      throw invalid(e);
    }
  }

  /** The 422 {@code script_invalid} answer naming the line and column of a syntax error. */
  static ApiException invalid(ScriptSyntaxException e) {
    return new ApiException(
        Problem.of(
                422,
                "script_invalid",
                "Script does not compile",
                "Line " + e.line() + ", column " + e.column() + ": " + e.reason())
            .withField("source"));
  }
}
