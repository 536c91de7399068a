package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Production bug: parse accepts a JSON value followed by more text. */
class JsonBodiesTrailingContentTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"{} x", "{\"name\":\"a\"}{\"name\":\"b\"}", "{\"name\":\"a\"} ]", "[1] 2"})
  void textAfterTheJsonValueIsMalformed(String text) {
    assertThatThrownBy(() -> JsonBodies.parse(text))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem().code())
        .isEqualTo("malformed_json");
  }
}
