package dev.picloud.scripts.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.logs.boundary.ExecutionLogWriter;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.platform.control.ApiException;
import dev.picloud.runtime.control.ExecutionGate;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.ScriptCtx;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.SdkContext;
import dev.picloud.runtime.sdk.Services;
import dev.picloud.scripts.control.RequestDecoder;
import dev.picloud.scripts.control.ScriptLimits;
import dev.picloud.scripts.entity.Script;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/execute/{scriptId}}: runs a script at once, outside the outbox, as the caller
 * (who needs editor rights on the script's app). The request thread is released while the script
 * runs on a script thread.
 */
@ApplicationScoped
public class DirectExecution {
  @Inject Scripts scripts;
  @Inject AppAccess access;
  @Inject ScriptRuntime runtime;
  @Inject ExecutionLogWriter logs;
  @Inject Clock clock;

  public void execute(
      Caller caller, UUID scriptId, RequestDecoder.HttpRequest http, AsyncResponse async) {
    Script script = scripts.byId(scriptId).orElseThrow(() -> ApiException.notFound("Script"));
    App app = access.require(caller, script.appId().toString(), Capability.WRITE_SCRIPTS);
    RequestData request = RequestDecoder.decode(http, Map.of(), "");
    UUID executionId = UUID.randomUUID();
    var run =
        new RunLogs.RunOf(
            app.id(),
            script.id(),
            executionId,
            executionId,
            null,
            null,
            Invocation.DIRECT.wireName(),
            1);
    Optional<ExecutionGate.Permit> permit = runtime.gate().tryAcquire(app.id());
    if (permit.isEmpty()) {
      logs.write(RunLogs.overloaded(run, request, clock.instant()));
      async.resume(RunResponses.overloaded());
      return;
    }
    RunRequest runRequest;
    try {
      runRequest = runRequest(caller, app, script, request, executionId);
    } catch (RuntimeException e) {
      permit.get().close();
      throw e;
    }
    runtime
        .submit(runRequest)
        .whenComplete(
            (outcome, failure) -> {
              permit.get().close();
              if (failure != null) {
                async.resume(failure);
                return;
              }
              logs.write(RunLogs.of(run, request, outcome, null, clock.instant()));
              async.resume(withExecutionId(outcome, executionId));
            });
  }

  private RunRequest runRequest(
      Caller caller, App app, Script script, RequestData request, UUID executionId) {
    var ctx =
        new ScriptCtx(
            request,
            Optional.empty(),
            app.id(),
            app.slug(),
            script.id(),
            script.name(),
            executionId,
            executionId,
            executionId.toString(),
            Invocation.DIRECT,
            1,
            0);
    var limits =
        ScriptLimits.forRun(
            Json.createReader(new StringReader(script.limits())).readObject(),
            script.timeoutSeconds(),
            false);
    var sdk =
        new SdkContext(app.id(), script.id(), executionId, Optional.of(caller), Services.none());
    return new RunRequest(scripts.compile(script), limits, ctx, sdk);
  }

  private static Response withExecutionId(RunOutcome outcome, UUID executionId) {
    Response response = RunResponses.of(outcome);
    response.getHeaders().putSingle("X-Execution-Id", executionId.toString());
    return response;
  }
}
