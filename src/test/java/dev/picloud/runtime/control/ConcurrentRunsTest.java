package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConcurrentRunsTest {
  @Test
  void closingTheRuntimeStopsRunningScriptsAndRejectsQueuedOnes() throws InterruptedException {
    ScriptRuntime runtime =
        new ScriptRuntime(
            RuntimeSettings.defaults(1),
            Runs.threads("close-test"),
            dev.picloud.runtime.sdk.StandardModules.all());
    RunRequest spin =
        Runs.request(
            runtime,
            "while (true) {}",
            // Budgets that outlast the test: closing the runtime is what must stop the run.
            Limits.defaults(false)
                .withOverrides(
                    Json.createObjectBuilder()
                        .add("operations", 10_000_000_000L)
                        .add("cpu_time_ms", 300_000)
                        .add("allocation_bytes", 4L * 1024 * 1024 * 1024)
                        .build()),
            Runs.ctx(UUID.randomUUID()));
    CompletableFuture<RunOutcome> running = runtime.submit(spin);
    CompletableFuture<RunOutcome> queued = runtime.submit(spin);
    Thread.sleep(500); // the one script thread picks up the first run; the second waits in line

    runtime.close();

    assertThat(running.join().status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(queued).failsWithin(java.time.Duration.ofSeconds(5));
  }

  @Test
  void manyConcurrentRunsEachGetTheirOwnCtxAndGlobal() {
    ScriptRuntime runtime = Runs.shared();
    CompiledHandler handler =
        Runs.compile(
            runtime,
            "globalThis.seen = (globalThis.seen || 0) + 1;"
                + " var s = 0; for (var i = 0; i < 10000; i++) { s += i; }"
                + " return [ctx.app.slug, globalThis.seen, s];");
    List<CompletableFuture<RunOutcome>> runs = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String slug = "app-" + i;
      slugs.add(slug);
      ScriptCtx base = Runs.ctx(UUID.randomUUID());
      ScriptCtx ctx =
          new ScriptCtx(
              base.request(),
              base.event(),
              base.appId(),
              slug,
              base.scriptId(),
              base.scriptName(),
              base.executionId(),
              base.rootExecutionId(),
              base.requestId(),
              base.invocation(),
              base.attempt(),
              base.triggerDepth());
      runs.add(
          runtime.submit(
              new RunRequest(
                  handler,
                  Limits.defaults(false),
                  ctx,
                  dev.picloud.runtime.sdk.SdkContext.anonymous(
                      ctx.appId(), ctx.scriptId(), ctx.executionId()))));
    }

    for (int i = 0; i < runs.size(); i++) {
      assertThat(Runs.body(runs.get(i).join())).isEqualTo("[\"" + slugs.get(i) + "\",1,49995000]");
    }
  }
}
