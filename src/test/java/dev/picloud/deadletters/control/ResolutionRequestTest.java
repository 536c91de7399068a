package dev.picloud.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.deadletters.entity.Resolution;
import dev.picloud.platform.control.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolutionRequestTest {
  @ParameterizedTest
  @CsvSource({"ignored, IGNORED", "handled_by_script, HANDLED_BY_SCRIPT"})
  void aCallerResolvesWithIgnoredOrHandledByScript(String reason, Resolution expected) {
    assertThat(ResolutionRequest.of(reason, "note").reason()).isEqualTo(expected);
  }

  @Test
  void replayedIsLeftToTheReplayItselfAndSaysSo() {
    assertThatThrownBy(() -> ResolutionRequest.of("replayed", null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().field()).isEqualTo("reason");
              assertThat(e.problem().detail()).contains("ignored, handled_by_script", "replay");
            });
  }

  @Test
  void handlerFailedIsThePlatformsMarkNotACallersResolution() {
    assertThatThrownBy(() -> ResolutionRequest.of("handler_failed", null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.problem().detail()).contains("dead-letter handler fails"));
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL", "Ignored", "resolved", "''"},
      nullValues = "NULL")
  void aMissingOrUnknownReasonIsRefusedNamingTheField(String reason) {
    assertThatThrownBy(() -> ResolutionRequest.of(reason, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().field()).isEqualTo("reason");
            });
  }

  @Test
  void aNoteIsKeptUpToItsLimitAndABlankOneIsNone() {
    String longest = "n".repeat(ResolutionRequest.MAX_NOTE_LENGTH);

    assertThat(ResolutionRequest.of("ignored", longest).note()).isEqualTo(longest);
    assertThat(ResolutionRequest.of("ignored", "  ").note()).isNull();
    assertThatThrownBy(() -> ResolutionRequest.of("ignored", longest + "n"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().field()).isEqualTo("note"));
  }

  @Test
  void everyResolutionHasTheWireNameTheTableChecks() {
    assertThat(Resolution.values())
        .extracting(Resolution::wire)
        .containsExactly("replayed", "ignored", "handled_by_script", "handler_failed");
    for (Resolution resolution : Resolution.values()) {
      assertThat(Resolution.fromWire(resolution.wire())).contains(resolution);
    }
  }
}
