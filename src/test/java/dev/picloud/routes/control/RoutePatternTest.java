package dev.picloud.routes.control;

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
import org.junit.jupiter.params.provider.ValueSource;

class RoutePatternTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          exact  | /                        | ''
          exact  | /orders                  | orders
          exact  | /orders/new              | orders,new
          exact  | /v1/things:batch         | v1,things:batch
          exact  | /café                     | café
          exact  | /.well-known/security.txt| .well-known,security.txt
          exact  | /...                     | ...
          param  | /orders/:id              | orders,:id
          param  | /orders/:id/items/:item  | orders,:id,items,:item
          param  | /:tenant                 | :tenant
          param  | /_a/:_b1/:B              | _a,:_b1,:B
          prefix | /*                       | ''
          prefix | /static/*                | static
          prefix | /a/b/*                   | a,b
          """)
  void validPatternsKeepTheirPathAndSegments(String kind, String path, String segments) {
    RoutePattern pattern = RoutePattern.parse(RouteKind.parse(kind), path);

    assertThat(pattern.path()).isEqualTo(path);
    assertThat(pattern.kind()).isEqualTo(RouteKind.parse(kind));
    assertThat(pattern.segments())
        .containsExactly(segments.isEmpty() ? new String[0] : segments.split(","));
  }

  @Test
  void longestAndDeepestPatternsAreAccepted() {
    String longest = "/" + "a".repeat(RoutePattern.MAX_LENGTH - 1);
    String deepest = "/a".repeat(RoutePattern.MAX_SEGMENTS);

    assertThat(RoutePattern.parse(RouteKind.EXACT, longest).segments()).hasSize(1);
    assertThat(RoutePattern.parse(RouteKind.EXACT, deepest).segments()).hasSize(32);
    assertThat(RoutePattern.parse(RouteKind.PREFIX, deepest + "/*").segments()).hasSize(32);
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource
  void invalidPatternsAreRejectedNamingThePath(
      String why, RouteKind kind, String path, String message) {
    assertRejected(kind, path)
        .returns("path", Problem::field)
        .extracting(Problem::detail)
        .asString()
        .contains(message);
  }

  static Stream<Arguments> invalidPatternsAreRejectedNamingThePath() {
    RouteKind exact = RouteKind.EXACT;
    RouteKind param = RouteKind.PARAM;
    RouteKind prefix = RouteKind.PREFIX;
    return Stream.of(
        Arguments.of("missing", exact, null, "required"),
        Arguments.of("empty", exact, "", "required"),
        Arguments.of("relative", exact, "orders", "start with '/'"),
        Arguments.of("trailing slash", exact, "/orders/", "end with '/'"),
        Arguments.of("double slash", exact, "//", "empty segments"),
        Arguments.of("empty segment", exact, "/a//b", "empty segments"),
        Arguments.of("star in exact", exact, "/a/*", "'*'"),
        Arguments.of("catch-all as exact", exact, "/*", "'*'"),
        Arguments.of("star inside a segment", exact, "/a*", "'*'"),
        Arguments.of("param in exact", exact, "/orders/:id", "only allowed in param"),
        Arguments.of("dot dot", exact, "/a/..", "'..'"),
        Arguments.of("dot", exact, "/./a", "'.'"),
        Arguments.of("space", exact, "/a b", "whitespace"),
        Arguments.of("tab", exact, "/a\tb", "whitespace"),
        Arguments.of("NUL", exact, "/a\u0000b", "control"),
        Arguments.of("percent-encoded", exact, "/a%20b", "decoded"),
        Arguments.of("backslash", exact, "/a\\b", "'\\'"),
        Arguments.of("query", exact, "/a?b", "'?'"),
        Arguments.of("fragment", exact, "/a#b", "'#'"),
        Arguments.of("too long", exact, "/" + "a".repeat(RoutePattern.MAX_LENGTH), "at most 512"),
        Arguments.of("too deep", exact, "/a".repeat(RoutePattern.MAX_SEGMENTS + 1), "at most 32"),
        Arguments.of("param without params", param, "/orders", "at least one ':name'"),
        Arguments.of("param root", param, "/", "at least one ':name'"),
        Arguments.of("name starting with a digit", param, "/:1x", "parameter ':1x'"),
        Arguments.of("empty name", param, "/a/:", "parameter ':'"),
        Arguments.of("hyphen in name", param, "/:a-b", "parameter ':a-b'"),
        Arguments.of("star in name", param, "/:id*", "parameter ':id*'"),
        Arguments.of("name used twice", param, "/a/:id/b/:id", "twice"),
        Arguments.of("star in param", param, "/:id/*", "'*'"),
        Arguments.of("param trailing slash", param, "/o/:id/", "end with '/'"),
        Arguments.of("prefix without star", prefix, "/static", "must end with '/*'"),
        Arguments.of("prefix star glued", prefix, "/static*", "must end with '/*'"),
        Arguments.of("prefix star inside", prefix, "/static/*/x", "must end with '/*'"),
        Arguments.of("prefix two stars", prefix, "/a/*/*", "'*'"),
        Arguments.of("prefix of an empty segment", prefix, "//*", "empty segments"),
        Arguments.of("prefix with double slash", prefix, "/static//*", "empty segments"),
        Arguments.of("param in prefix", prefix, "/:tenant/*", "only allowed in param"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          exact  | /api
          exact  | /api/v1/orders
          prefix | /api/*
          param  | /api/:x
          exact  | /admin
          exact  | /admin/index.html
          prefix | /admin/*
          exact  | /health
          exact  | /health/ready
          exact  | /metrics
          prefix | /metrics/*
          exact  | /openapi
          exact  | /openapi/ui
          exact  | /version
          param  | /version/:v
          exact  | /API/v1
          prefix | /Admin/*
          exact  | /VERSION
          """)
  void reservedPrefixesAreRejected(String kind, String path) {
    assertRejected(RouteKind.parse(kind), path)
        .extracting(Problem::detail)
        .asString()
        .contains("reserved prefix (/api, /admin, /health, /metrics, /openapi, /version)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"/apiary", "/administrator", "/healthz", "/versions", "/v1/api", "/my/admin"})
  void pathsThatOnlyResembleReservedOnesAreAccepted(String path) {
    assertThat(RoutePattern.parse(RouteKind.EXACT, path).path()).isEqualTo(path);
  }

  @Test
  void missingKindIsRejectedNamingThePathKind() {
    assertRejected(null, "/orders").returns("path_kind", Problem::field);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exact", "param", "prefix"})
  void kindsParseFromTheirWireNames(String wireName) {
    assertThat(RouteKind.parse(wireName).wireName()).isEqualTo(wireName);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "EXACT", "regex", "glob"})
  void unknownKindsAreRejected(String wireName) {
    assertThatThrownBy(() -> RouteKind.parse(wireName))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("path_kind", Problem::field);
  }

  private static AbstractObjectAssert<?, Problem> assertRejected(RouteKind kind, String path) {
    return assertThatThrownBy(() -> RoutePattern.parse(kind, path))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("validation_failed", Problem::code);
  }
}
