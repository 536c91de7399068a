package dev.picloud.scripts.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.kv.boundary.KvChangeContext;
import dev.picloud.kv.control.KvConflict;
import dev.picloud.kv.control.KvSession;
import dev.picloud.logs.boundary.ExecutionLogWriter;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import dev.picloud.runtime.control.ExecutionGate;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.Services;
import dev.picloud.scripts.control.RequestDecoder;
import dev.picloud.scripts.control.ScriptStore;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
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
  @Inject ScriptStore store;
  @Inject ScriptRuns runs;
  @Inject AppAccess access;
  @Inject ScriptRuntime runtime;
  @Inject ExecutionLogWriter logs;
  @Inject Clock clock;
  @Inject RunServices runServices;
  @Inject RunWrites writes;
  @Resource ManagedExecutorService completions;

  public void execute(
      Caller caller, UUID scriptId, RequestDecoder.HttpRequest http, AsyncResponse async) {
    RunnableScript script =
        store.findForRun(scriptId).orElseThrow(() -> ApiException.notFound("Script"));
    access.require(caller, script.appId().toString(), Capability.WRITE_SCRIPTS);
    RequestData request = RequestDecoder.decode(http, Map.of(), "");
    UUID executionId = Ids.timeOrdered();
    var log =
        new RunLogs.RunOf(
            script.appId(),
            script.id(),
            executionId,
            executionId,
            null,
            null,
            Invocation.DIRECT.wireName(),
            1);
    Optional<ExecutionGate.Permit> permit = runtime.gate().tryAcquire(script.appId());
    if (permit.isEmpty()) {
      logs.write(RunLogs.overloaded(log, request, clock.instant()));
      async.resume(RunResponses.overloaded());
      return;
    }
    Services services = runServices.forRun(script.appId(), Optional.of(caller));
    RunRequest run;
    try {
      run =
          runs.prepare(
              script,
              new ScriptRuns.RunSpec(
                  request,
                  Optional.empty(),
                  executionId,
                  executionId,
                  executionId.toString(),
                  Invocation.DIRECT,
                  1,
                  0,
                  false,
                  Optional.of(caller),
                  services));
    } catch (RuntimeException e) {
      permit.get().close();
      throw e;
    }
    runtime
        .submit(run)
        .whenComplete((outcome, failure) -> permit.get().close())
        .whenCompleteAsync(
            (outcome, failure) -> {
              if (failure != null) {
                async.resume(failure);
                return;
              }
              finish(
                  outcome,
                  log,
                  request,
                  caller,
                  executionId,
                  services.require(KvSession.class),
                  async);
            },
            completions);
  }

  /** Commits the run's writes (a success only), then logs and answers. */
  private void finish(
      RunOutcome outcome,
      RunLogs.RunOf log,
      RequestData request,
      Caller caller,
      UUID executionId,
      KvSession session,
      AsyncResponse async) {
    var entry = RunLogs.of(log, request, outcome, null, clock.instant());
    Response response;
    try {
      if (outcome.status() == RunStatus.SUCCESS) {
        writes.commit(session, new KvChangeContext(executionId, 0, caller.userId()));
      }
      response = RunResponses.of(outcome);
    } catch (KvConflict conflict) {
      entry = entry.failedToCommit("kv_conflict", conflict.getMessage(), 409);
      response = RunResponses.conflict(conflict.getMessage());
    }
    logs.write(entry);
    response.getHeaders().putSingle("X-Execution-Id", executionId.toString());
    async.resume(response);
  }
}
