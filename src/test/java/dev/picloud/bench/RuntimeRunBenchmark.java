package dev.picloud.bench;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.RuntimeSettings;
import dev.picloud.runtime.control.ScriptCtx;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.SdkContext;
import dev.picloud.runtime.sdk.StandardModules;
import jakarta.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm per-run overhead of the script runtime as a caller of {@code ScriptRuntime.run} sees it:
 * hand-off to a script thread, a fresh sandboxed global, SDK binding, ctx, the handler, response
 * mapping, hand-back. {@code trivial} and {@code json1k} find a prepared global waiting (the pool
 * is refilled off the request path between runs, as under moderate load); {@code trivialSaturated}
 * runs back to back, so most runs make their own global on the request path. {@code loops} runs
 * 100,000 loop iterations that each call a function: mostly what the loop, entry and exit hooks
 * cost.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RuntimeRunBenchmark {

  /** One runtime with the two benchmark scripts compiled. */
  @State(Scope.Benchmark)
  public static class Runtime {
    ScriptRuntime runtime;
    RunRequest trivial;
    RunRequest json1k;
    RunRequest loops;

    @Setup
    public void start() {
      runtime =
          new ScriptRuntime(
              RuntimeSettings.defaults(4), Runs.threads("bench"), StandardModules.all());
      trivial = request("return 1;", RequestData.none());
      json1k = request("return JSON.parse(ctx.request.body);", textBody(oneKibJson()));
      loops =
          request(
              "function add(a, b) { return a + b; } var s = 0;"
                  + " for (var i = 0; i < 100000; i++) { s = add(s, i); } return s;",
              RequestData.none());
      check(trivial, "1");
      check(json1k, oneKibJson());
      check(loops, "4999950000");
    }

    @TearDown
    public void stop() {
      runtime.close();
    }

    private RunRequest request(String source, RequestData request) {
      UUID app = UUID.randomUUID();
      UUID execution = UUID.randomUUID();
      ScriptCtx ctx =
          new ScriptCtx(
              request,
              Optional.empty(),
              app,
              "bench",
              UUID.randomUUID(),
              "bench",
              execution,
              execution,
              "bench",
              Invocation.HTTP,
              1,
              0);
      return new RunRequest(
          Runs.compile(runtime, source),
          Limits.defaults(false),
          ctx,
          SdkContext.anonymous(app, ctx.scriptId(), execution));
    }

    private void check(RunRequest request, String expectedBody) {
      RunOutcome outcome = runtime.run(request);
      if (outcome.status() != RunStatus.SUCCESS || !Runs.body(outcome).equals(expectedBody)) {
        throw new IllegalStateException("benchmark script does not work: " + outcome);
      }
    }
  }

  /** Waits, outside the measured time, until a prepared global is ready. */
  @State(Scope.Thread)
  public static class GlobalReady {
    @Setup(Level.Invocation)
    public void await(Runtime state) throws InterruptedException {
      while (state.runtime.readyGlobals() == 0) {
        Thread.sleep(1);
      }
    }
  }

  @Benchmark
  public RunOutcome trivial(Runtime state, GlobalReady ready) {
    return state.runtime.run(state.trivial);
  }

  @Benchmark
  public RunOutcome json1k(Runtime state, GlobalReady ready) {
    return state.runtime.run(state.json1k);
  }

  @Benchmark
  public RunOutcome loops(Runtime state, GlobalReady ready) {
    return state.runtime.run(state.loops);
  }

  @Benchmark
  public RunOutcome trivialSaturated(Runtime state) {
    return state.runtime.run(state.trivial);
  }

  private static RequestData textBody(String text) {
    return new RequestData(
        "POST",
        "/bench",
        Map.of("content-type", "text/plain"),
        Map.of(),
        Map.of(),
        Map.of(),
        "",
        Json.createValue(text),
        Optional.empty(),
        Optional.empty());
  }

  /** A JSON document of exactly 1,024 bytes. */
  static String oneKibJson() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; items.length() < 900; i++) {
      items.append(i == 0 ? "" : ",");
      items.append("{\"id\":").append(i).append(",\"name\":\"item-").append(i).append("\"}");
    }
    String head = "{\"items\":[" + items + "],\"pad\":\"";
    return head + "x".repeat(1024 - head.length() - 2) + "\"}";
  }
}
