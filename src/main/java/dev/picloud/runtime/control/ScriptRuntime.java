package dev.picloud.runtime.control;

import dev.picloud.runtime.sandbox.GlobalPool;
import dev.picloud.runtime.sandbox.Meter;
import dev.picloud.runtime.sandbox.PreparedGlobal;
import dev.picloud.runtime.sandbox.Sandbox;
import dev.picloud.runtime.sdk.LogBuffer;
import dev.picloud.runtime.sdk.SdkContext;
import dev.picloud.runtime.sdk.SdkModule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;

/**
 * The script runtime's facade. Compile a script version once ({@link #compile}), take a permit from
 * {@link #gate()} (none: answer 503 {@code overloaded}), then {@link #run} and wait or {@link
 * #submit} and continue. Runs execute on the runtime's own threads, each in a fresh sandboxed
 * global, under the request's limits clamped by the instance ceilings.
 */
public final class ScriptRuntime implements AutoCloseable {
  /** {@code ctx.sdkVersion}: bumped when the SDK changes in a way scripts can notice. */
  public static final String SDK_VERSION = "1";

  private static final String WARM_UP =
      """
      var parts = 'a,b'.split(',').map(function (s) { return s.toUpperCase(); });
      log.info('warm', parts, typeof regex === 'object' && regex.isMatch('a+', 'aa'));
      try { null.x; } catch (e) { parts.push(String(e)); }
      return {statusCode: 200, headers: {'x-warm': '1'}, body: JSON.parse('{"a":[1]}')};
      """;

  private static final System.Logger LOG = System.getLogger(ScriptRuntime.class.getName());

  private final RuntimeSettings settings;
  private final ExecutionGate gate;
  private final ScriptCompiler compiler;
  private final GlobalPool globals;
  private final WorkerPool workers;
  private final Watchdog watchdog;
  private final ScriptRun scriptRun;
  private final Set<CompletableFuture<RunOutcome>> queued = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ScriptRuntime(RuntimeSettings settings, ThreadFactory threads, List<SdkModule> modules) {
    this.settings = settings;
    Sandbox sandbox = new Sandbox();
    this.gate =
        new ExecutionGate(settings.maxConcurrentExecutions(), settings.maxConcurrentPerApp());
    this.compiler = new ScriptCompiler(sandbox, settings.compiledScripts());
    this.scriptRun = new ScriptRun(modules, settings.clock(), SDK_VERSION);
    warmUp(sandbox);
    this.globals = new GlobalPool(sandbox, settings.preparedGlobals(), threads);
    this.workers = new WorkerPool(threads, settings.maxConcurrentExecutions());
    this.watchdog = new Watchdog(settings.stuckGrace(), workers, threads);
  }

  /**
   * The compiled handler of a script version, from the cache when possible.
   *
   * @throws ScriptSyntaxException naming the line and column in {@code source}
   */
  public CompiledHandler compile(UUID scriptId, long version, String source)
      throws ScriptSyntaxException {
    return compiler.compile(scriptId, version, source);
  }

  /** The compiled handler of a script version if it is cached here: a warm run needs no source. */
  public Optional<CompiledHandler> compiled(UUID scriptId, long version) {
    return compiler.cached(scriptId, version);
  }

  public ExecutionGate gate() {
    return gate;
  }

  /** Runs and waits; for callers holding a permit (the direct-execution endpoint). */
  public RunOutcome run(RunRequest request) {
    return submit(request).join();
  }

  /**
   * Runs on a script thread. The future completes with the outcome, or with a timeout at most the
   * stuck grace after the run's wall-clock limit, whatever the script does.
   */
  public CompletableFuture<RunOutcome> submit(RunRequest request) {
    CompletableFuture<RunOutcome> future = new CompletableFuture<>();
    queued.add(future);
    workers.execute(
        () -> {
          if (!queued.remove(future)) {
            return;
          }
          if (closed) {
            // Taken after close() stopped this worker's run but before the pool closed.
            future.completeExceptionally(notStarted());
          } else {
            runHere(request, future);
          }
        });
    return future;
  }

  /** Fresh globals made ahead of time and not yet used (a metric; zero under a burst). */
  public int readyGlobals() {
    return globals.ready();
  }

  /** Script threads the watchdog gave up on that have not finished yet. */
  public int stuckThreads() {
    return watchdog.stuckThreads();
  }

  /**
   * Stops the runtime: running scripts are stopped at their next hook call, runs not started yet
   * complete exceptionally with a {@link RejectedExecutionException}.
   */
  @Override
  public void close() {
    closed = true;
    watchdog.close();
    globals.close();
    workers.close();
    for (CompletableFuture<RunOutcome> future : queued) {
      if (queued.remove(future)) {
        future.completeExceptionally(notStarted());
      }
    }
  }

  private static RejectedExecutionException notStarted() {
    return new RejectedExecutionException("the script runtime closed before the run started");
  }

  private void runHere(RunRequest request, CompletableFuture<RunOutcome> future) {
    Limits limits = request.limits().clampedBy(settings.ceilings());
    LogBuffer log = new LogBuffer(limits.logBytes(), settings.clock());
    PreparedGlobal global = globals.take();
    Meter meter = new Meter(limits);
    ActiveRun active = watchdog.track(meter, log, future);
    if (closed) {
      // close() stops the runs the watchdog tracks; this one was not tracked yet.
      meter.stop(Budget.WALL_CLOCK);
    }
    RunOutcome outcome;
    try {
      outcome = scriptRun.execute(request, limits, global, meter, log);
    } catch (RuntimeException | Error e) {
      // A fault of the engine or the runtime, not of the script; the caller is answered anyway.
      LOG.log(System.Logger.Level.ERROR, "Script run failed inside the runtime", e);
      outcome =
          RunOutcome.failure(
              RunStatus.SCRIPT_ERROR,
              "internal error",
              log.lines(),
              log.truncated(),
              java.time.Duration.ofNanos(System.nanoTime() - meter.startNanos()));
    }
    if (!watchdog.release(active, outcome)) {
      workers.retireCurrentWorker();
    }
  }

  /**
   * One run before the first request: loads and initialises the classes a run needs, so neither the
   * first caller pays for it nor can a deep recursion make a class initialiser fail.
   */
  private void warmUp(Sandbox sandbox) {
    try {
      UUID id = new UUID(0, 0);
      CompiledHandler handler = compiler.compile(id, 0, WARM_UP);
      ScriptCtx ctx =
          new ScriptCtx(
              RequestData.none(),
              Optional.empty(),
              id,
              "warm-up",
              id,
              "warm-up",
              id,
              id,
              "",
              Invocation.DIRECT,
              0,
              0);
      Limits limits = Limits.defaults(false).clampedBy(settings.ceilings());
      RunOutcome outcome =
          scriptRun.execute(
              new RunRequest(handler, limits, ctx, SdkContext.anonymous(id, id, id)),
              limits,
              sandbox.prepare(),
              new Meter(limits),
              new LogBuffer(limits.logBytes(), settings.clock()));
      if (outcome.status() != RunStatus.SUCCESS) {
        throw new IllegalStateException("the runtime's warm-up run failed: " + outcome.error());
      }
    } catch (ScriptSyntaxException e) {
      throw new IllegalStateException("the runtime's warm-up script does not compile", e);
    }
  }
}
