package dev.picloud.apps.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Problem;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainHostsTest {
  private static final String BASE = "picloud.example";

  /** Four labels, 63 + 63 + 63 + 61 characters and three dots: exactly 253 characters. */
  private static final String LONGEST_HOST =
      "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
          example.com|example.com
          shop.example.com|shop.example.com
          Example.COM|example.com
          example.com.|example.com
            example.com  |example.com
          *.example.com|*.example.com
          *.Example.Com.|*.example.com
          xn--bcher-kva.example|xn--bcher-kva.example
          shop.xn--p1ai|shop.xn--p1ai
          1-2.example.org|1-2.example.org
          a--b.example.org|a--b.example.org
          notpicloud.example|notpicloud.example
          picloud.example.com|picloud.example.com
          """)
  void validHostsAreNormalised(String raw, String normalised) {
    assertThat(DomainHosts.normalise(raw, BASE)).isEqualTo(normalised);
  }

  @Test
  void labelOf63CharactersIsAccepted() {
    String host = "a".repeat(63) + ".example.com";

    assertThat(DomainHosts.normalise(host, BASE)).isEqualTo(host);
  }

  @Test
  void hostOf253CharactersIsAccepted() {
    assertThat(LONGEST_HOST).hasSize(253);
    assertThat(DomainHosts.normalise(LONGEST_HOST, BASE)).isEqualTo(LONGEST_HOST);
  }

  @Test
  void trailingDotDoesNotCountTowardsTheLength() {
    assertThat(DomainHosts.normalise(LONGEST_HOST + ".", BASE)).isEqualTo(LONGEST_HOST);
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @MethodSource
  void invalidHosts(String why, String raw) {
    assertRejected(raw).returns("validation_failed", Problem::code);
  }

  static Stream<Arguments> invalidHosts() {
    return Stream.of(
        Arguments.of("blank", "   "),
        Arguments.of("port", "example.com:8080"),
        Arguments.of("port on a wildcard", "*.example.com:443"),
        Arguments.of("scheme", "https://example.com"),
        Arguments.of("path", "example.com/shop"),
        Arguments.of("user info", "me@example.com"),
        Arguments.of("IPv6 literal", "[::1]"),
        Arguments.of("wildcard in a later label", "shop.*.example.com"),
        Arguments.of("two wildcards", "*.*.example.com"),
        Arguments.of("wildcard glued to a label", "*example.com"),
        Arguments.of("partial wildcard label", "shop*.example.com"),
        Arguments.of("wildcard alone", "*"),
        Arguments.of("wildcard and dot alone", "*."),
        Arguments.of("double star", "**.example.com"),
        Arguments.of("dot alone", "."),
        Arguments.of("leading dot", ".example.com"),
        Arguments.of("empty label", "example..com"),
        Arguments.of("two trailing dots", "example.com.."),
        Arguments.of("label with leading hyphen", "-shop.example.com"),
        Arguments.of("label with trailing hyphen", "shop-.example.com"),
        Arguments.of("underscore", "my_shop.example.com"),
        Arguments.of("inner space", "my shop.example.com"),
        Arguments.of("non-ASCII (IDN not in punycode)", "bücher.example"),
        Arguments.of("label of 64 characters", "a".repeat(64) + ".example.com"),
        Arguments.of("host of 254 characters", LONGEST_HOST + "d"),
        Arguments.of("wildcard pushing the host to 255", "*." + LONGEST_HOST));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingHostIsInvalid(String raw) {
    assertRejected(raw);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "picloud.example",
        "picloud.example.",
        "shop.picloud.example",
        "deep.shop.picloud.example",
        "*.picloud.example",
        "*.shop.picloud.example",
        "SHOP.PICLOUD.EXAMPLE"
      })
  void hostsAtOrUnderTheBaseDomainAreReserved(String raw) {
    assertRejected(raw).extracting(Problem::detail).asString().contains("reserved");
  }

  @Test
  void reservationFollowsTheConfiguredBaseDomain() {
    assertThat(DomainHosts.normalise("shop.picloud.example", "localhost"))
        .isEqualTo("shop.picloud.example");
    assertRejected("shop.localhost", "localhost");
  }

  private static AbstractObjectAssert<?, Problem> assertRejected(String raw) {
    return assertRejected(raw, BASE);
  }

  private static AbstractObjectAssert<?, Problem> assertRejected(String raw, String base) {
    return assertThatThrownBy(() -> DomainHosts.normalise(raw, base))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("host", Problem::field);
  }
}
