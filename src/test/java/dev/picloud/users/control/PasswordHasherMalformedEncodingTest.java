package dev.picloud.users.control;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Production bug: a malformed stored hash makes verify throw instead of answering false. */
class PasswordHasherMalformedEncodingTest {
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "pbkdf2-sha256$many$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$0$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$-1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$not*base64"
      })
  void malformedEncodingIsAnsweredFalseNotAnException(String malformed) {
    assertThatCode(
            () ->
                org.assertj.core.api.Assertions.assertThat(
                        PasswordHasher.verify("whatever-password", malformed))
                    .isFalse())
        .doesNotThrowAnyException();
  }
}
