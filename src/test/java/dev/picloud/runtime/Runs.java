package dev.picloud.runtime;

import dev.picloud.runtime.control.CompiledHandler;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.RuntimeSettings;
import dev.picloud.runtime.control.ScriptCtx;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.control.ScriptSyntaxException;
import dev.picloud.runtime.sdk.SdkContext;
import dev.picloud.runtime.sdk.StandardModules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test driver for the runtime: one shared runtime (an engine takes about a second to start), a ctx
 * builder and shortcuts to compile and run a source with given limits.
 */
public final class Runs {
  private static final ScriptRuntime SHARED =
      new ScriptRuntime(RuntimeSettings.defaults(4), threads("test-script"), StandardModules.all());

  private Runs() {}

  public static ScriptRuntime shared() {
    return SHARED;
  }

  /** Daemon threads, so a script a test leaves running cannot keep the test JVM alive. */
  public static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public static RunOutcome run(String source) {
    return run(source, Limits.defaults(false));
  }

  public static RunOutcome run(String source, Limits limits) {
    return SHARED.run(request(SHARED, source, limits, ctx(UUID.randomUUID())));
  }

  public static RunOutcome run(ScriptRuntime runtime, String source, Limits limits) {
    return runtime.run(request(runtime, source, limits, ctx(UUID.randomUUID())));
  }

  public static RunRequest request(
      ScriptRuntime runtime, String source, Limits limits, ScriptCtx ctx) {
    CompiledHandler handler = compile(runtime, source);
    return new RunRequest(
        handler, limits, ctx, SdkContext.anonymous(ctx.appId(), ctx.scriptId(), ctx.executionId()));
  }

  public static CompiledHandler compile(ScriptRuntime runtime, String source) {
    try {
      return runtime.compile(UUID.randomUUID(), 1, source);
    } catch (ScriptSyntaxException e) {
      throw new AssertionError("does not compile: " + e.getMessage(), e);
    }
  }

  /** A direct-execution ctx of a fresh app. */
  public static ScriptCtx ctx(UUID appId) {
    UUID execution = UUID.randomUUID();
    return new ScriptCtx(
        RequestData.none(),
        Optional.empty(),
        appId,
        "app",
        UUID.randomUUID(),
        "test",
        execution,
        execution,
        "req-1",
        Invocation.DIRECT,
        1,
        0);
  }

  /** Limits with a short wall clock, everything else at the sync defaults. */
  public static Limits wallClock(Duration wallClock) {
    Limits d = Limits.defaults(false);
    return new Limits(
        wallClock,
        d.operations(),
        d.cpuTime(),
        d.allocationBytes(),
        d.stackDepth(),
        d.logBytes(),
        d.responseBytes());
  }

  /** The response body as text. */
  public static String body(RunOutcome outcome) {
    return new String(
        outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome)).body(),
        StandardCharsets.UTF_8);
  }

  /** Runs {@code return <expression>} and gives the JSON body, for one-line checks. */
  public static String value(String expression) {
    RunOutcome outcome = run("return " + expression + ";");
    if (outcome.status() != dev.picloud.runtime.control.RunStatus.SUCCESS) {
      throw new AssertionError(expression + " failed: " + outcome.error().orElse("?"));
    }
    return body(outcome);
  }

  /** Runs a script expected to throw and gives the error text. */
  public static String error(String source) {
    RunOutcome outcome = run(source);
    if (outcome.status() != dev.picloud.runtime.control.RunStatus.SCRIPT_ERROR) {
      throw new AssertionError("expected a script error, got " + outcome);
    }
    return outcome.error().orElseThrow();
  }

  /** A sample script from src/test/resources/scripts. */
  public static String script(String name) {
    try (InputStream in = Runs.class.getResourceAsStream("/scripts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
