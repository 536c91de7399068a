package dev.picloud.runtime.sdk;

import dev.picloud.runtime.control.LogLevel;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * {@code log.debug/info/warn/error(...args)} and {@code console.log/info/warn/error/debug}: one
 * captured line per call, arguments joined by spaces (objects as JSON), capped by the run's log
 * limit. Nothing reaches the server's stdout.
 */
final class LogModule {
  private LogModule() {}

  static JSObject log(SdkRun run) {
    return SdkObject.builder("log", run)
        .function("debug", args -> write(run, LogLevel.DEBUG, args))
        .function("info", args -> write(run, LogLevel.INFO, args))
        .function("warn", args -> write(run, LogLevel.WARN, args))
        .function("error", args -> write(run, LogLevel.ERROR, args))
        .build();
  }

  static JSObject console(SdkRun run) {
    return SdkObject.builder("console", run)
        .function("log", args -> write(run, LogLevel.INFO, args))
        .function("debug", args -> write(run, LogLevel.DEBUG, args))
        .function("info", args -> write(run, LogLevel.INFO, args))
        .function("warn", args -> write(run, LogLevel.WARN, args))
        .function("error", args -> write(run, LogLevel.ERROR, args))
        .build();
  }

  private static Object write(SdkRun run, LogLevel level, JsArgs args) {
    if (run.log().accepting()) {
      run.log().add(level, run.js().format(args.all()));
    }
    return JsValues.undefined();
  }
}
