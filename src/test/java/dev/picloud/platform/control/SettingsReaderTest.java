package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsReaderTest {
  private static SettingsReader reader(Map<String, String> values) {
    return new SettingsReader(name -> Optional.ofNullable(values.get(name)));
  }

  private static SettingsReader reader(String name, String value) {
    return reader(Map.of(name, value));
  }

  @Test
  void optionalTrimsTheValue() {
    assertThat(reader("X", "  value \t").optional("X")).contains("value");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "\t\n"})
  void blankValueCountsAsUnset(String blank) {
    SettingsReader in = reader("X", blank);

    assertThat(in.optional("X")).isEmpty();
    assertThat(in.string("X", "fallback")).isEqualTo("fallback");
    assertThat(in.longInRange("X", 7, 0, 10)).isEqualTo(7);
  }

  @Test
  void unsetValueTakesTheDefault() {
    SettingsReader in = reader(Map.of());

    assertThat(in.string("X", "fallback")).isEqualTo("fallback");
    assertThat(in.intInRange("X", 5, 1, 10)).isEqualTo(5);
    assertThat(in.oneOf("X", "b", "a", "b")).isEqualTo("b");
    assertThat(in.host("X", "localhost")).isEqualTo("localhost");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1", "10", " 5 ", "+7"})
  void integersWithinTheInclusiveRangeAreAccepted(String raw) {
    assertThat(reader("X", raw).longInRange("X", 0, 1, 10)).isEqualTo(Long.parseLong(raw.trim()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"0", "11", "-1", "abc", "5.0", "1e1", "0x5", "99999999999999999999"})
  void integersOutsideTheRangeOrUnparseableNameTheVariableTheRangeAndTheValue(String raw) {
    assertThatThrownBy(() -> reader("PICLOUD_X", raw).longInRange("PICLOUD_X", 5, 1, 10))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("PICLOUD_X")
        .hasMessageContaining("between 1 and 10")
        .hasMessageContaining("\"" + raw + "\"");
  }

  @Test
  void intInRangeRejectsValuesBeyondInt() {
    assertThatThrownBy(() -> reader("X", "4294967297").intInRange("X", 1, 0, Integer.MAX_VALUE))
        .isInstanceOf(InvalidSettingException.class);
  }

  @Test
  void oneOfAcceptsOnlyTheListedValuesExactly() {
    assertThat(reader("X", "linear").oneOf("X", "exponential", "exponential", "linear"))
        .isEqualTo("linear");
    assertThatThrownBy(
            () -> reader("X", "LINEAR").oneOf("X", "exponential", "exponential", "linear"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("X must be one of exponential, linear");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "picloud.example", "apps.my-host.example", "a1.b2"})
  void lowercaseHostNamesAreAccepted(String host) {
    assertThat(reader("H", host).host("H", "localhost")).isEqualTo(host);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "Picloud.example",
        "picloud.example:8080",
        "*.picloud.example",
        "-picloud.example",
        "picloud-.example",
        "picloud..example",
        ".picloud.example",
        "picloud.example.",
        "http://picloud.example",
        "pi_cloud.example"
      })
  void otherHostValuesNameTheVariable(String host) {
    assertThatThrownBy(() -> reader("PICLOUD_BASE_DOMAIN", host).host("PICLOUD_BASE_DOMAIN", "x"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("PICLOUD_BASE_DOMAIN");
  }

  @Test
  void hostLabelsLongerThan63AreRejected() {
    assertThatThrownBy(() -> reader("H", "a".repeat(64) + ".example").host("H", "x"))
        .isInstanceOf(InvalidSettingException.class);
  }

  @Test
  void matchingChecksTheWholeValue() {
    Pattern digits = Pattern.compile("[0-9]+");

    assertThat(reader("X", "123").matching("X", "0", digits, "must be digits")).isEqualTo("123");
    assertThatThrownBy(() -> reader("X", "123a").matching("X", "0", digits, "must be digits"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("Invalid configuration: X must be digits (got \"123a\")");
  }

  @Test
  void invalidDefaultIsReportedToo() {
    // A default is validated like a configured value, so a bad default cannot slip through.
    assertThatThrownBy(
            () -> reader(Map.of()).matching("X", "abc", Pattern.compile("[0-9]+"), "digits"))
        .isInstanceOf(InvalidSettingException.class);
  }
}
