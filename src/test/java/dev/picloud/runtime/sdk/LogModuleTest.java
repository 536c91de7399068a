package dev.picloud.runtime.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.LogLevel;
import dev.picloud.runtime.control.LogLine;
import dev.picloud.runtime.control.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogModuleTest {
  @Test
  void eachLevelIsCapturedWithItsTime() {
    RunOutcome outcome =
        Runs.run(
            "log.debug('d'); log.info('i'); log.warn('w'); log.error('e'); console.log('c'); return 1;");

    assertThat(outcome.logs())
        .extracting(LogLine::level, LogLine::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LogLevel.DEBUG, "d"),
            org.assertj.core.groups.Tuple.tuple(LogLevel.INFO, "i"),
            org.assertj.core.groups.Tuple.tuple(LogLevel.WARN, "w"),
            org.assertj.core.groups.Tuple.tuple(LogLevel.ERROR, "e"),
            org.assertj.core.groups.Tuple.tuple(LogLevel.INFO, "c"));
    assertThat(outcome.logs().get(0).isoTime())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(outcome.logs().get(0).level().wireName()).isEqualTo("debug");
  }

  @Test
  void argumentsAreJoinedWithValuesShownAsJson() {
    RunOutcome outcome =
        Runs.run(
            "var cyclic = {}; cyclic.self = cyclic;"
                + " log.info('a', 1, true, null, undefined, {b: [1, 2]}, new Error('boom'), cyclic, function f() {});"
                + " return 1;");

    assertThat(outcome.logs().get(0).message())
        .startsWith(
            "a 1 true null undefined {\"b\":[1,2]} Error: boom [object Object] function f()");
  }

  @Test
  void consoleHasTheUsualLevels() {
    RunOutcome outcome =
        Runs.run(
            "console.warn('w'); console.error('e'); console.info('i'); console.debug('d'); return 1;");

    assertThat(outcome.logs())
        .extracting(LogLine::level)
        .containsExactly(LogLevel.WARN, LogLevel.ERROR, LogLevel.INFO, LogLevel.DEBUG);
  }

  @Test
  void logIsCappedAtTheRunsLimitWithAMarker() {
    Limits d = Limits.defaults(false);
    Limits small =
        new Limits(
            d.wallClock(),
            d.operations(),
            d.cpuTime(),
            d.allocationBytes(),
            d.stackDepth(),
            10,
            d.responseBytes());

    RunOutcome outcome =
        Runs.run("log.info('12345'); log.info('é678901'); log.info('never'); return 'ok';", small);

    assertThat(outcome.logTruncated()).isTrue();
    assertThat(outcome.logs())
        .extracting(LogLine::message)
        .containsExactly(
            "12345", "é678", "[log truncated: this run's log output exceeded 10 bytes]");
    assertThat(Runs.body(outcome)).isEqualTo("\"ok\"");
  }

  @Test
  void nothingReachesStandardOutput() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Runs.run(
          "console.log('to stdout?'); log.info('to stdout?'); return 1;",
          Runs.wallClock(Duration.ofSeconds(5)));
    } finally {
      System.setOut(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("to stdout?");
  }
}
