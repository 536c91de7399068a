package dev.picloud.bench;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.RuntimeSettings;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.StandardModules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * How long after its wall-clock limit a runaway script is stopped and its caller answered: runs
 * {@code while(true){}} (and friends) with a 1 s limit and an operation budget too large to hit,
 * and prints the overshoot (caller's wait minus the limit). Usage: {@code bench/runtime-stop.sh
 * [runs]}.
 */
public final class RuntimeStopTime {
  private static final Duration LIMIT = Duration.ofSeconds(1);
  private static final String[] SCRIPTS = {
    "while (true) {}",
    "for (;;) {}",
    "var o = {get x() { while (true) {} }}; return o.x;",
    "try { while (true) {} } catch (e) { while (true) {} }"
  };
  // No hook runs inside the regexp engine: the watchdog abandons the thread (measured once, since
  // each abandoned thread keeps a core busy until the match gives up, a few seconds later).
  private static final String UNSTOPPABLE = "return /(a+)+b/.test('" + "a".repeat(25) + "c');";

  private RuntimeStopTime() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Limits d = Limits.defaults(false);
    Limits limits =
        new Limits(
            LIMIT,
            Long.MAX_VALUE,
            Duration.ofMinutes(1),
            Long.MAX_VALUE,
            d.stackDepth(),
            d.logBytes(),
            d.responseBytes());
    System.out.printf(
        "Java %s, limit %d ms, %d runs each%n",
        System.getProperty("java.version"), LIMIT.toMillis(), runs);
    try (ScriptRuntime runtime =
        new ScriptRuntime(
            RuntimeSettings.defaults(2), Runs.threads("stop"), StandardModules.all())) {
      for (String script : SCRIPTS) {
        measure(runtime, script, limits, runs);
      }
      measure(runtime, UNSTOPPABLE, limits, 1);
    }
  }

  private static void measure(ScriptRuntime runtime, String script, Limits limits, int runs) {
    List<Long> overshoot = new ArrayList<>();
    String status = "";
    for (int i = 0; i < runs; i++) {
      RunRequest request = Runs.request(runtime, script, limits, Runs.ctx(UUID.randomUUID()));
      long start = System.nanoTime();
      RunOutcome outcome = runtime.run(request);
      overshoot.add((System.nanoTime() - start) / 1_000_000 - LIMIT.toMillis());
      status = outcome.status() + outcome.exceeded().map(b -> "/" + b).orElse("");
    }
    Collections.sort(overshoot);
    System.out.printf(
        "%-58s %-24s overshoot ms: p50 %d, max %d, stuck threads %d%n",
        script.length() > 58 ? script.substring(0, 55) + "..." : script,
        status,
        overshoot.get(overshoot.size() / 2),
        overshoot.get(overshoot.size() - 1),
        runtime.stuckThreads());
  }
}
