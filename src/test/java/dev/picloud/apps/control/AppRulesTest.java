package dev.picloud.apps.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppRulesTest {
  @Test
  void nameIsStripped() {
    assertThat(AppRules.name("  Shop front \t")).isEqualTo("Shop front");
  }

  @Test
  void nameOf200CharactersIsAccepted() {
    String name = "n".repeat(200);

    assertThat(AppRules.name(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void missingOrBlankNameIsRejected(String name) {
    assertInvalid(() -> AppRules.name(name), "name");
  }

  @Test
  void nameOf201CharactersIsRejected() {
    assertInvalid(() -> AppRules.name("n".repeat(201)), "name");
  }

  @Test
  void descriptionIsOptional() {
    assertThat(AppRules.description(null)).isNull();
  }

  @Test
  void descriptionOf2000CharactersIsAccepted() {
    String description = "d".repeat(2000);

    assertThat(AppRules.description(description)).isEqualTo(description);
  }

  @Test
  void descriptionOf2001CharactersIsRejected() {
    assertInvalid(() -> AppRules.description("d".repeat(2001)), "description");
  }

  private static void assertInvalid(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("validation_failed", Problem::code)
        .returns(field, Problem::field);
  }
}
