package dev.picloud.runtime.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.RuntimeSettings;
import dev.picloud.runtime.control.ScriptRuntime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TimeModuleTest {
  private static final Instant NOW = Instant.parse("2026-11-23T13:58:00.123Z");
  private static final ScriptRuntime RUNTIME =
      new ScriptRuntime(
          RuntimeSettings.defaults(1).withClock(Clock.fixed(NOW, ZoneId.of("America/Sao_Paulo"))),
          Runs.threads("time-test"),
          StandardModules.all());

  @AfterAll
  static void close() {
    RUNTIME.close();
  }

  @Test
  void nowIsIsoUtcAndNowMsItsEpochMillis() {
    assertThat(value("[time.now(), time.nowMs()]"))
        .isEqualTo("[\"2026-11-23T13:58:00.123Z\"," + NOW.toEpochMilli() + "]");
  }

  @Test
  void parseAcceptsInstantsOffsetsAndDates() {
    assertThat(value("time.parse('2026-11-23T13:58:00.123Z')"))
        .isEqualTo(String.valueOf(NOW.toEpochMilli()));
    assertThat(value("time.parse('2026-11-23T10:58:00.123-03:00')"))
        .isEqualTo(String.valueOf(NOW.toEpochMilli()));
    assertThat(value("time.parse('1970-01-02')")).isEqualTo("86400000");
  }

  @Test
  void parseRejectsWhatIsNotIso() {
    assertThat(error("time.parse('23/11/2026');")).startsWith("Error: time: cannot parse");
    assertThat(error("time.parse(42);")).startsWith("Error: time: time must be a string");
  }

  @Test
  void formatUsesIsoByDefaultAndAPatternInUtc() {
    assertThat(value("[time.format(0), time.format('2026-11-23T13:58:00Z', 'yyyy/MM/dd HH:mm')]"))
        .isEqualTo("[\"1970-01-01T00:00:00Z\",\"2026/11/23 13:58\"]");
    assertThat(error("time.format(0, 'qqqqqqq');")).startsWith("Error: time: invalid pattern");
    assertThat(error("time.format(0, 'y'.repeat(101));")).startsWith("Error: time: pattern longer");
  }

  @Test
  void addSecondsAnswersInTheKindItWasGiven() {
    assertThat(value("[time.addSeconds('2026-11-23T13:58:00Z', 90), time.addSeconds(1000, 1.5)]"))
        .isEqualTo("[\"2026-11-23T13:59:30Z\",2500]");
  }

  @Test
  void diffSecondsIsFirstMinusSecond() {
    assertThat(
            value(
                "[time.diffSeconds('2026-11-23T13:58:30Z', '2026-11-23T13:58:00Z'), time.diffSeconds(0, 1500)]"))
        .isEqualTo("[30,-1.5]");
  }

  @Test
  void overflowThrows() {
    assertThat(error("time.addSeconds(0, 1e300);"))
        .startsWith("Error: time: the result is out of range");
    assertThat(error("time.format(9e15);")).startsWith("Error: time: time out of range");
    assertThat(error("time.parse('+999999999-01-01T00:00:00Z');")).startsWith("Error: time:");
  }

  private static String value(String expression) {
    return Runs.body(Runs.run(RUNTIME, "return " + expression + ";", Limits.defaults(false)));
  }

  private static String error(String source) {
    RunOutcome outcome = Runs.run(RUNTIME, source, Limits.defaults(false));
    assertThat(outcome.status()).isEqualTo(RunStatus.SCRIPT_ERROR);
    return outcome.error().orElseThrow();
  }
}
