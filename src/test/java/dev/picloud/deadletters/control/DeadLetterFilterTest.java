package dev.picloud.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterFilterTest {
  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"http", "kv", "docs"})
  void acceptsEverySourceADeadLetterCanHave(String source) {
    assertThat(DeadLetterFilter.of(null, source, null, null, null, null, null).source())
        .isEqualTo(source);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dead_letter", "HTTP", ""})
  void refusesOtherSources(String source) {
    assertRefused(() -> DeadLetterFilter.of(null, source, null, null, null, null, null), "source");
  }

  @Test
  void errorTextMustBeNonEmptyAndBounded() {
    String longest = "e".repeat(DeadLetterFilter.MAX_ERROR_TEXT);
    assertThat(DeadLetterFilter.of(null, null, null, null, longest, null, null).errorContains())
        .isEqualTo(longest);
    assertRefused(() -> DeadLetterFilter.of(null, null, null, null, "", null, null), "error");
    assertRefused(
        () -> DeadLetterFilter.of(null, null, null, null, longest + "e", null, null), "error");
  }

  @Test
  void theTimeRangeMustNotBeEmpty() {
    assertThat(DeadLetterFilter.of(null, null, null, null, null, T, T.plusSeconds(1))).isNotNull();
    assertRefused(() -> DeadLetterFilter.of(null, null, null, null, null, T, T), "created_before");
  }

  @Test
  void aBulkActionTakesUnresolvedRowsThatExistedWhenItStarted() {
    UUID trigger = UUID.randomUUID();
    DeadLetterFilter open =
        DeadLetterFilter.of(false, "kv", trigger, null, "x", T.minusSeconds(9), null);

    DeadLetterFilter bulk = open.unresolvedAsOf(T);

    assertThat(bulk)
        .isEqualTo(new DeadLetterFilter(true, "kv", trigger, null, "x", T.minusSeconds(9), T));
    assertThat(
            DeadLetterFilter.of(null, null, null, null, null, null, T.minusSeconds(1))
                .unresolvedAsOf(T)
                .createdBefore())
        .as("an earlier bound the caller gave stays")
        .isEqualTo(T.minusSeconds(1));
  }

  private static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().field()).isEqualTo(field);
            });
  }
}
