package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitsTest {
  @Test
  void defaultsDifferBySyncAndAsync() {
    Limits sync = Limits.defaults(false);
    Limits async = Limits.defaults(true);

    assertThat(sync.wallClock()).isEqualTo(Duration.ofSeconds(10));
    assertThat(async.wallClock()).isEqualTo(Duration.ofSeconds(60));
    assertThat(sync.logBytes()).isEqualTo(64 * 1024);
    assertThat(sync.responseBytes()).isEqualTo(1024 * 1024);
    assertThat(async.operations()).isGreaterThan(sync.operations());
  }

  @Test
  void clampingLowersEachLimitToItsCeiling() {
    Limits generous =
        new Limits(
            Duration.ofHours(1),
            Long.MAX_VALUE,
            Duration.ofHours(1),
            Long.MAX_VALUE,
            9999,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE);
    Limits ceilings =
        new Limits(Duration.ofSeconds(5), 10, Duration.ofSeconds(2), 1000, 50, 100, 200);

    assertThat(generous.clampedBy(ceilings)).isEqualTo(ceilings);
    assertThat(ceilings.clampedBy(generous)).isEqualTo(ceilings);
  }

  @Test
  void overridesReplaceOnlyTheNamedLimits() {
    JsonObject overrides =
        Json.createObjectBuilder()
            .add("wall_clock_ms", 2500)
            .add("operations", 1000)
            .add("cpu_time_ms", 100)
            .add("allocation_bytes", 1 << 20)
            .add("stack_depth", 50)
            .add("log_bytes", 512)
            .add("response_bytes", 2048)
            .build();

    Limits limits = Limits.defaults(false).withOverrides(overrides);

    assertThat(limits)
        .isEqualTo(
            new Limits(
                Duration.ofMillis(2500), 1000, Duration.ofMillis(100), 1 << 20, 50, 512, 2048));
    assertThat(Limits.defaults(true).withOverrides(Json.createObjectBuilder().build()))
        .isEqualTo(Limits.defaults(true));
  }

  @Test
  void unknownOverrideIsRejectedNamingItsKey() {
    assertThatThrownBy(
            () ->
                Limits.defaults(false)
                    .withOverrides(Json.createObjectBuilder().add("timeout_seconds", 5).build()))
        .isInstanceOfSatisfying(
            InvalidLimitException.class, e -> assertThat(e.key()).isEqualTo("timeout_seconds"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "1.5", "\"10\"", "null", "true", "[1]", "99999999999999999999"})
  void unusableOverrideValueIsRejectedNamingItsKey(String value) {
    JsonObject overrides =
        Json.createReader(new java.io.StringReader("{\"stack_depth\": " + value + "}"))
            .readObject();

    assertThatThrownBy(() -> Limits.defaults(false).withOverrides(overrides))
        .isInstanceOfSatisfying(
            InvalidLimitException.class,
            e -> {
              assertThat(e.key()).isEqualTo("stack_depth");
              assertThat(e.getMessage()).startsWith("stack_depth ");
            });
  }

  @Test
  void intLimitsRejectValuesBeyondTheirRange() {
    assertThatThrownBy(
            () ->
                Limits.defaults(false)
                    .withOverrides(Json.createObjectBuilder().add("log_bytes", 1L << 40).build()))
        .isInstanceOfSatisfying(
            InvalidLimitException.class, e -> assertThat(e.key()).isEqualTo("log_bytes"));
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new Limits(Duration.ZERO, 1, Duration.ofSeconds(1), 1, 1, 1, 1))
        .isInstanceOfSatisfying(
            InvalidLimitException.class, e -> assertThat(e.key()).isEqualTo("wall_clock_ms"));
  }

  @Test
  void runtimeClampsTheRequestedLimitsByItsCeilings() {
    RuntimeSettings settings =
        RuntimeSettings.defaults(1)
            .withCeilings(
                new Limits(
                    Duration.ofSeconds(10),
                    1000,
                    Duration.ofSeconds(10),
                    1L << 30,
                    100,
                    1024,
                    1024));
    try (ScriptRuntime runtime =
        new ScriptRuntime(
            settings,
            dev.picloud.runtime.Runs.threads("clamp"),
            dev.picloud.runtime.sdk.StandardModules.all())) {
      RunOutcome outcome =
          dev.picloud.runtime.Runs.run(
              runtime, "for (var i = 0; i < 5000; i++) {}", Limits.defaults(false));

      assertThat(outcome.exceeded()).contains(Budget.OPERATIONS);
    }
  }
}
