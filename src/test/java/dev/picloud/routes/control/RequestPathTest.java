package dev.picloud.routes.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequestPathTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /orders              | orders
          /orders/             | orders
          /orders/42/items     | orders,42,items
          /Orders/ABC          | Orders,ABC
          /a%20b               | a b
          /caf%C3%A9           | café
          /caf%c3%a9           | café
          /a+b                 | a+b
          /%2B                 | +
          /%3A/%2A/%40         | :,*,@
          /%252e%252e          | %2e%2e
          /...                 | ...
          /.well-known/x       | .well-known,x
          /a;b=c               | a;b=c
          /~me/a!$&()*=       | ~me,a!$&()*=
          /v1/things:batch     | v1,things:batch
          /%E2%88%95           | ∕
          """)
  void segmentsAreSplitThenDecoded(String raw, String segments) {
    assertThat(RequestPath.parse(raw).segments()).containsExactly(segments.split(","));
  }

  @Test
  void rootHasNoSegments() {
    assertThat(RequestPath.parse("/").segments()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource
  void abusivePathsAreRefused(String why, String raw) {
    assertThatThrownBy(() -> RequestPath.parse(raw))
        .isInstanceOf(BadPathException.class)
        .hasMessageStartingWith("The path");
  }

  static Stream<Arguments> abusivePathsAreRefused() {
    return Stream.of(
        Arguments.of("missing", null),
        Arguments.of("empty", ""),
        Arguments.of("relative", "orders"),
        Arguments.of("double slash", "//"),
        Arguments.of("double slash inside", "/a//b"),
        Arguments.of("double slash leading", "//a"),
        Arguments.of("two trailing slashes", "/orders//"),
        Arguments.of("dot dot", "/.."),
        Arguments.of("dot", "/."),
        Arguments.of("dot dot inside", "/a/../b"),
        Arguments.of("dot inside", "/a/./b"),
        Arguments.of("dot dot with trailing slash", "/a/../"),
        Arguments.of("encoded dot dot", "/%2e%2e"),
        Arguments.of("encoded dot dot, upper case", "/x/%2E%2E/y"),
        Arguments.of("half-encoded dot dot", "/.%2e"),
        Arguments.of("half-encoded dot dot, other half", "/%2e."),
        Arguments.of("encoded dot", "/a/%2e/b"),
        Arguments.of("overlong dot", "/%c0%ae%c0%ae"),
        Arguments.of("encoded slash", "/a%2fb"),
        Arguments.of("encoded slash, upper case", "/a%2Fb"),
        Arguments.of("overlong slash", "/a%c0%afb"),
        Arguments.of("encoded backslash", "/a%5cb"),
        Arguments.of("encoded backslash, upper case", "/a%5Cb"),
        Arguments.of("raw backslash", "/a\\b"),
        Arguments.of("encoded NUL", "/a%00b"),
        Arguments.of("encoded line feed", "/a%0ab"),
        Arguments.of("encoded CR LF", "/a%0d%0aSet-Cookie:x"),
        Arguments.of("encoded tab", "/a%09b"),
        Arguments.of("encoded DEL", "/a%7f"),
        Arguments.of("encoded C1 control (NEL)", "/a%c2%85"),
        Arguments.of("raw NUL", "/a\u0000b"),
        Arguments.of("raw space", "/a b"),
        Arguments.of("raw tab", "/a\tb"),
        Arguments.of("raw non-ASCII", "/café"),
        Arguments.of("raw quote", "/a\"b"),
        Arguments.of("raw angle bracket", "/a<b"),
        Arguments.of("query mark", "/a?b"),
        Arguments.of("fragment mark", "/a#b"),
        Arguments.of("lone percent", "/%"),
        Arguments.of("short escape", "/a%2"),
        Arguments.of("non-hex escape", "/%zz"),
        Arguments.of("half non-hex escape", "/%g0"),
        Arguments.of("signed-looking escape", "/%-1"),
        Arguments.of("truncated UTF-8", "/%c3"),
        Arguments.of("invalid UTF-8 byte", "/%ff"),
        Arguments.of("UTF-8 continuation byte alone", "/%80"),
        Arguments.of("encoded surrogate", "/%ed%a0%80"));
  }

  @Test
  void segmentsCannotBeChanged() {
    List<String> segments = RequestPath.parse("/a/b").segments();

    assertThatThrownBy(() -> segments.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }
}
