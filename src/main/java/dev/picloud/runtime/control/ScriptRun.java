package dev.picloud.runtime.control;

import dev.picloud.runtime.sandbox.Meter;
import dev.picloud.runtime.sandbox.PreparedGlobal;
import dev.picloud.runtime.sandbox.RunAborted;
import dev.picloud.runtime.sandbox.Sandbox;
import dev.picloud.runtime.sdk.LogBuffer;
import dev.picloud.runtime.sdk.SdkModule;
import dev.picloud.runtime.sdk.SdkRun;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornException;

/**
 * One run on its worker thread: arm a fresh global with the run's meter, bind the SDK modules, call
 * the handler with its ctx, map the result. A limit the meter recorded decides the outcome whatever
 * the script did afterwards (a {@code finally} that returns normally cannot turn a timeout into a
 * success).
 */
final class ScriptRun {
  private static final System.Logger LOG = System.getLogger(ScriptRun.class.getName());
  private static final int MAX_ERROR_LENGTH = 4096;

  private final List<SdkModule> modules;
  private final Clock clock;
  private final String sdkVersion;

  ScriptRun(List<SdkModule> modules, Clock clock, String sdkVersion) {
    this.modules = List.copyOf(modules);
    this.clock = clock;
    this.sdkVersion = sdkVersion;
  }

  RunOutcome execute(
      RunRequest request, Limits limits, PreparedGlobal global, Meter meter, LogBuffer log) {
    try {
      global.arm(meter);
      SdkRun sdk = new SdkRun(request.sdk(), global.values(), log, meter, clock);
      for (SdkModule module : modules) {
        global.define(module.name(), module.create(sdk));
      }
      Object result = global.run(request.script().program(), request.ctx().toJson(sdkVersion));
      if (global.isUndefined(result)) {
        return settle(meter, log, ScriptResponse.noContent());
      }
      return settle(
          meter, log, ResponseMapper.map(respond(global, result, limits), limits.responseBytes()));
    } catch (ResponseMapper.Refused e) {
      return meter.stopped().isPresent()
          ? stopped(meter, log)
          : e.tooLarge()
              ? RunOutcome.exceeded(
                  Budget.RESPONSE_SIZE,
                  e.getMessage(),
                  log.lines(),
                  log.truncated(),
                  elapsed(meter))
              : RunOutcome.failure(
                  RunStatus.INVALID_RESPONSE,
                  e.getMessage(),
                  log.lines(),
                  log.truncated(),
                  elapsed(meter));
    } catch (RunAborted | StackOverflowError | OutOfMemoryError e) {
      return limitHit(meter, log, e);
    } catch (ScriptException e) {
      return thrown(global, meter, log, e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) {
      return thrown(global, meter, log, e);
    }
  }

  /** Serialising the result runs script code too (toJSON, getters); its errors make it unusable. */
  private static Object[] respond(PreparedGlobal global, Object result, Limits limits)
      throws ResponseMapper.Refused {
    try {
      return global.respond(result, limits.responseBytes());
    } catch (NashornException e) {
      throw new ResponseMapper.Refused(
          "the result cannot be serialised: " + global.describe(e.getEcmaError()), false);
    }
  }

  private RunOutcome settle(Meter meter, LogBuffer log, ScriptResponse response) {
    return meter.stopped().isPresent()
        ? stopped(meter, log)
        : RunOutcome.success(response, log.lines(), log.truncated(), elapsed(meter));
  }

  private RunOutcome limitHit(Meter meter, LogBuffer log, Throwable e) {
    if (e instanceof StackOverflowError) {
      meter.stop(Budget.RECURSION);
    } else if (e instanceof OutOfMemoryError) {
      meter.stop(Budget.MEMORY);
    }
    return stopped(meter, log);
  }

  private RunOutcome stopped(Meter meter, LogBuffer log) {
    Budget budget = meter.stopped().orElseThrow();
    return RunOutcome.exceeded(
        budget, describe(budget), log.lines(), log.truncated(), elapsed(meter));
  }

  /** The script threw (or the engine threw on its behalf). */
  private RunOutcome thrown(PreparedGlobal global, Meter meter, LogBuffer log, Throwable e) {
    if (meter.stopped().isPresent()) {
      return stopped(meter, log);
    }
    if (!(e instanceof NashornException error)) {
      LOG.log(System.Logger.Level.ERROR, "Script run failed inside the runtime", e);
      return RunOutcome.failure(
          RunStatus.SCRIPT_ERROR, "internal error", log.lines(), log.truncated(), elapsed(meter));
    }
    String message;
    try {
      message = global.describe(error.getEcmaError());
    } catch (RunAborted | StackOverflowError describing) {
      return limitHit(meter, log, describing);
    } catch (NashornException describing) {
      message = "the script threw a value that cannot be described";
    }
    String text = truncate(message) + line(error).map(l -> " (line " + l + ")").orElse("");
    return meter.stopped().isPresent()
        ? stopped(meter, log)
        : RunOutcome.failure(
            RunStatus.SCRIPT_ERROR, text, log.lines(), log.truncated(), elapsed(meter));
  }

  /** The line of the innermost frame of the user's script (SDK errors start in the prelude). */
  private static Optional<Integer> line(NashornException e) {
    return Arrays.stream(NashornException.getScriptFrames(e))
        .filter(f -> Sandbox.SCRIPT_FILE.equals(f.getFileName()) && f.getLineNumber() > 0)
        .map(StackTraceElement::getLineNumber)
        .findFirst();
  }

  static String describe(Budget budget) {
    return budget == Budget.WALL_CLOCK
        ? "the script ran past its wall-clock limit"
        : "the script exceeded its " + budget.label() + " budget";
  }

  private static String truncate(String message) {
    return message.length() <= MAX_ERROR_LENGTH
        ? message
        : message.substring(0, MAX_ERROR_LENGTH) + "…";
  }

  private static Duration elapsed(Meter meter) {
    return Duration.ofNanos(System.nanoTime() - meter.startNanos());
  }
}
