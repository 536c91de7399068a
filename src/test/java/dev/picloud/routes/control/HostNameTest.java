package dev.picloud.routes.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HostNameTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          example.com                 | example.com
          Example.COM                 | example.com
          example.com.                | example.com
          example.com:8080            | example.com
          EXAMPLE.com.:443            | example.com
          hello.localhost:8080        | hello.localhost
          localhost                   | localhost
          127.0.0.1:80                | 127.0.0.1
          xn--bcher-kva.example       | xn--bcher-kva.example
          [::1]                       | [::1]
          [::1]:8080                  | [::1]
          [2001:DB8::1]:443           | [2001:db8::1]
          [::ffff:192.0.2.1]          | [::ffff:192.0.2.1]
          """)
  void headerIsReducedToTheLowerCaseNameWithoutPortOrTrailingDot(String header, String host) {
    assertThat(HostName.fromHeader(header)).contains(host);
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @MethodSource
  void invalidHeadersNameNoHost(String why, String header) {
    assertThat(HostName.fromHeader(header)).isEmpty();
  }

  static Stream<Arguments> invalidHeadersNameNoHost() {
    return Stream.of(
        Arguments.of("missing", null),
        Arguments.of("empty", ""),
        Arguments.of("blank", " "),
        Arguments.of("space inside", "exa mple.com"),
        Arguments.of("leading space", " example.com"),
        Arguments.of("tab", "example.com\t"),
        Arguments.of("CR LF", "example.com\r\nX-Evil: 1"),
        Arguments.of("NUL", "example.com\u0000.evil.org"),
        Arguments.of("empty port", "example.com:"),
        Arguments.of("named port", "example.com:http"),
        Arguments.of("six-digit port", "example.com:123456"),
        Arguments.of("two ports", "example.com:80:80"),
        Arguments.of("port only", ":8080"),
        Arguments.of("empty label", "example..com"),
        Arguments.of("two trailing dots", "example.com.."),
        Arguments.of("leading dot", ".example.com"),
        Arguments.of("dot only", "."),
        Arguments.of("wildcard", "*.example.com"),
        Arguments.of("underscore", "ex_ample.com"),
        Arguments.of("user info", "me@example.com"),
        Arguments.of("path", "example.com/x"),
        Arguments.of("backslash", "example.com\\x"),
        Arguments.of("Kelvin sign, which lower-cases to k", "\u212Aelly.example"),
        Arguments.of("dotless i, which upper-cases to I", "adm\u0131n.example"),
        Arguments.of("non-ASCII letter", "café.example"),
        Arguments.of("label of 64 characters", "a".repeat(64) + ".example"),
        Arguments.of("254 characters", "a".repeat(63) + ("." + "b".repeat(63)).repeat(3) + "bb"),
        Arguments.of("unclosed IPv6", "[::1"),
        Arguments.of("unclosed IPv6 with port", "[::1:8080"),
        Arguments.of("text after IPv6", "[::1]x"),
        Arguments.of("empty port after IPv6", "[::1]:"),
        Arguments.of("empty IPv6", "[]"),
        Arguments.of("IPv6 with letters beyond hex", "[::g]"),
        Arguments.of("IPv6 zone", "[fe80::1%25eth0]"));
  }

  @Test
  void longestValidHostIsAccepted() {
    String host = "a".repeat(63) + ("." + "b".repeat(63)).repeat(2) + "." + "c".repeat(61);

    assertThat(host).hasSize(253);
    assertThat(HostName.fromHeader(host + ".:80")).contains(host);
  }

  @Test
  void candidatesAreTheHostThenWildcardsFromTheLongestSuffix() {
    assertThat(HostName.candidates("a.b.example.com"))
        .containsExactly("a.b.example.com", "*.b.example.com", "*.example.com", "*.com");
  }

  @Test
  void ipv6LiteralsHaveNoWildcardCandidates() {
    assertThat(HostName.candidates("[::ffff:192.0.2.1]")).containsExactly("[::ffff:192.0.2.1]");
  }

  @Test
  void configuredHostsAreKeyedLowerCaseWithoutTrailingDot() {
    assertThat(HostName.key("*.Example.COM.")).isEqualTo("*.example.com");
  }
}
