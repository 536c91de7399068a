package dev.picloud.routes.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Problem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
  private static final String HOST = "shop.example.com";

  @ParameterizedTest(name = "[{0}] {1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # exact > param > prefix, whatever order the routes are listed in
          any any exact /orders/new; any any param /orders/:id     | GET  | /orders/new   | any any exact /orders/new
          any any param /orders/:id; any any exact /orders/new     | GET  | /orders/new   | any any exact /orders/new
          any any prefix /orders/*; any any param /orders/:id      | GET  | /orders/42    | any any param /orders/:id
          any any prefix /static/*; any any exact /static          | GET  | /static       | any any exact /static
          any any prefix /orders/*; any any param /orders/:id      | GET  | /orders/42/x  | any any prefix /orders/*
          # among param routes more literal segments win, then the earliest literal
          any any param /x/:b/:c; any any param /:a/b/c            | GET  | /x/b/c        | any any param /:a/b/c
          any any param /:a/:b/c; any any param /x/:b/:c           | GET  | /x/y/c        | any any param /x/:b/:c
          any any param /:y/b/c; any any param /a/:x/c             | GET  | /a/b/c        | any any param /a/:x/c
          any any param /a/:x/c; any any param /:y/b/c             | GET  | /a/b/c        | any any param /a/:x/c
          any any param /:y/b/c; any any param /a/:x/c             | GET  | /z/b/c        | any any param /:y/b/c
          any any param /a/:x/:y; any any param /:p/:q/c           | GET  | /a/b/c        | any any param /a/:x/:y
          # a longer route further down the later branch does not let a tied candidate win
          any any param /b/:x; any any param /:y/b; any any param /:y/b/c/d | GET | /b/b | any any param /b/:x
          # a literal branch that dead-ends falls back to the param branch
          any any param /a/b/:x/d; any any param /:p/b/c           | GET  | /a/b/c        | any any param /:p/b/c
          # among prefix routes the longest prefix wins
          any any prefix /a/*; any any prefix /a/b/*               | GET  | /a/b/c        | any any prefix /a/b/*
          any any prefix /a/b/*; any any prefix /a/*               | GET  | /a/b          | any any prefix /a/b/*
          any any prefix /a/*; any any prefix /a/b/*               | GET  | /a/c/d        | any any prefix /a/*
          any any prefix /*; any any prefix /a/*                   | GET  | /b            | any any prefix /*
          any any prefix /*                                        | GET  | /             | any any prefix /*
          # method-specific beats any-method, but only after kind and length
          any any exact /o; any GET exact /o                       | GET  | /o            | any GET exact /o
          any any exact /o; any GET exact /o                       | POST | /o            | any any exact /o
          any GET exact /o                                         | POST | /o            | no_route
          any any exact /o; any GET param /:x                      | GET  | /o            | any any exact /o
          any any param /x/:b; any GET param /:a/:b                | GET  | /x/y          | any any param /x/:b
          any any prefix /a/b/*; any GET prefix /a/*               | GET  | /a/b/c        | any any prefix /a/b/*
          any any prefix /a/*; any GET prefix /a/*                 | GET  | /a/b          | any GET prefix /a/*
          any GET prefix /a/b/*; any any prefix /a/*               | POST | /a/b/c        | any any prefix /a/*
          any any param /o/:id; any DELETE param /o/:id            | PUT  | /o/1          | any any param /o/:id
          # methods compare case-insensitively
          any get exact /o                                         | GET  | /o            | any get exact /o
          any GET exact /o                                         | get  | /o            | any GET exact /o
          any Post exact /o; any any exact /o                      | pOsT | /o            | any Post exact /o
          # paths compare case-sensitively, segment by segment
          any any exact /Orders                                    | GET  | /orders       | no_route
          any any exact /orders                                    | GET  | /Orders       | no_route
          any any param /orders/:id                                | GET  | /ORDERS/1     | no_route
          any any prefix /static/*                                 | GET  | /Static/x     | no_route
          any any prefix /static/*                                 | GET  | /statics      | no_route
          any any exact /orders                                    | GET  | /orders/1     | no_route
          any any param /orders/:id                                | GET  | /orders       | no_route
          any any param /orders/:id                                | GET  | /orders/1/2   | no_route
          # a trailing slash is ignored, except that / is its own path
          any any exact /orders                                    | GET  | /orders/      | any any exact /orders
          any any param /orders/:id                                | GET  | /orders/1/    | any any param /orders/:id
          any any exact /                                          | GET  | /             | any any exact /
          any any exact /                                          | GET  | /x            | no_route
          any any exact /orders                                    | GET  | /orders//     | bad_path
          # the path is judged before any route: abuse is a bad path even for a catch-all
          any any prefix /*                                        | GET  | /a/../b       | bad_path
          any any prefix /*                                        | GET  | /a/%2e%2e/b   | bad_path
          any any prefix /*                                        | GET  | /a//b         | bad_path
          any any prefix /*                                        | GET  | /a%2fb        | bad_path
          any any prefix /*                                        | GET  | /a%5cb        | bad_path
          any any exact /a/b                                       | GET  | /a%2Fb        | bad_path
          # platform paths never reach user routes, encoded or not, in any case
          any any prefix /*                                        | GET  | /api/v1/nope  | no_route
          any any prefix /*                                        | GET  | /api          | no_route
          any any prefix /*                                        | GET  | /%61pi/v1/x   | no_route
          any any prefix /*                                        | GET  | /Admin/       | no_route
          any any param /:x                                        | GET  | /version      | no_route
          any any param /:x/:y                                     | GET  | /health/ready | no_route
          any any prefix /*                                        | GET  | /metrics      | no_route
          any any prefix /*                                        | GET  | /openapi/ui   | no_route
          any any prefix /*                                        | GET  | /apiary       | any any prefix /*
          any any param /:x                                        | GET  | /versions     | any any param /:x
          """)
  void precedenceWithAnyHostRoutes(String routes, String method, String path, String winner) {
    assertThat(RouteSpecs.of(routes).winner(HOST, method, path)).isEqualTo(winner);
  }

  @ParameterizedTest(name = "[{0}] {1} {2} {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # a specific host beats any host, before kind is considered
          shop.example.com any prefix /*; any any exact /o            | shop.example.com       | GET  | /o | shop.example.com any prefix /*
          shop.example.com any prefix /*; any any exact /o            | other.example.com      | GET  | /o | any any exact /o
          # the host header's port, case and trailing dot do not matter
          shop.example.com any exact /o; any any exact /o             | SHOP.Example.COM.:8443 | GET  | /o | shop.example.com any exact /o
          Shop.Example.com. any exact /o; any any exact /o            | shop.example.com       | GET  | /o | Shop.Example.com. any exact /o
          # an exact host beats a wildcard host, which beats any host
          *.example.com any exact /o; shop.example.com any exact /o   | shop.example.com       | GET  | /o | shop.example.com any exact /o
          *.example.com any exact /o; shop.example.com any exact /o   | a.b.example.com        | GET  | /o | *.example.com any exact /o
          *.example.com any exact /o; *.b.example.com any exact /o    | a.b.example.com        | GET  | /o | *.b.example.com any exact /o
          *.example.com any exact /o; any any exact /o                | example.com            | GET  | /o | any any exact /o
          # a bucket whose routes all miss falls through to the next
          shop.example.com GET exact /a; any POST exact /a            | shop.example.com       | POST | /a | any POST exact /a
          shop.example.com any exact /a; *.example.com any exact /b   | shop.example.com       | GET  | /b | *.example.com any exact /b
          # an invalid host header reaches any-host routes only
          shop.example.com any exact /o; any any exact /o             | *.example.com          | GET  | /o | any any exact /o
          shop.example.com any exact /o                               | shop.example.com:http  | GET  | /o | no_route
          """)
  void precedenceBetweenHosts(
      String routes, String host, String method, String path, String winner) {
    assertThat(RouteSpecs.of(routes).winner(host, method, path)).isEqualTo(winner);
  }

  @Test
  void paramRouteCapturesDecodedSegmentsByName() {
    RouteMatch match =
        RouteSpecs.of("any any param /orders/:id/items/:item")
            .match(HOST, "GET", "/orders/caf%C3%A9/items/a%20b");

    assertThat(match)
        .isInstanceOfSatisfying(
            RouteMatch.Matched.class,
            m -> {
              assertThat(m.params())
                  .containsExactly(Map.entry("id", "café"), Map.entry("item", "a b"));
              assertThat(m.rest()).isEmpty();
            });
  }

  @Test
  void paramValuesAreDecodedOnlyOnce() {
    assertThat(RouteSpecs.of("any any param /files/:name").match(HOST, "GET", "/files/%252e%252e"))
        .isInstanceOfSatisfying(
            RouteMatch.Matched.class, m -> assertThat(m.params()).containsEntry("name", "%2e%2e"));
  }

  @ParameterizedTest(name = "{0} {1} -> rest \"{2}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /static/* | /static                 | ''
          /static/* | /static/                | ''
          /static/* | /static/site.css        | site.css
          /static/* | /static/css/site.css    | css/site.css
          /static/* | /static/css/            | css
          /static/* | /static/a%20b/c%2Bd     | a b/c+d
          /*        | /                       | ''
          /*        | /a/b                    | a/b
          /a/b/*    | /a/b/c/d/e              | c/d/e
          """)
  void prefixRouteLeavesTheDecodedRemainderAsRest(String pattern, String path, String rest) {
    assertThat(RouteSpecs.of("any any prefix " + pattern).match(HOST, "GET", path))
        .isInstanceOfSatisfying(
            RouteMatch.Matched.class,
            m -> {
              assertThat(m.rest()).isEqualTo(rest);
              assertThat(m.params()).isEmpty();
            });
  }

  @Test
  void matchCarriesTheRoutesIdsAndDispatchMode() {
    RouteDefinition route =
        new RouteDefinition(
            UUID.randomUUID(), UUID.randomUUID(), null, "POST", RouteKind.EXACT, "/hook", "async");

    RouteMatch match = RouteTable.of(List.of(route)).match(HOST, "post", "/hook");

    assertThat(match)
        .isEqualTo(
            new RouteMatch.Matched(route.routeId(), route.scriptId(), "async", Map.of(), ""));
  }

  @Test
  void badPathSaysWhy() {
    assertThat(RouteSpecs.of("any any prefix /*").match(HOST, "GET", "/a%2fb"))
        .isEqualTo(
            new RouteMatch.BadPath("The path encodes a slash, backslash or control character."));
  }

  @Test
  void emptyTableMatchesNothing() {
    assertThat(RouteTable.of(List.of()).match(HOST, "GET", "/"))
        .isEqualTo(new RouteMatch.NoRoute());
  }

  @ParameterizedTest(name = "[{0}] clashes")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          any any exact /o; any any exact /o
          any GET exact /o; any get exact /o
          shop.example.com any exact /o; SHOP.example.com. any exact /o
          any any param /o/:id; any any param /o/:orderId
          any any prefix /s/*; any any prefix /s/*
          """)
  void duplicateRoutesAreAConflict(String routes) {
    assertThatThrownBy(() -> RouteSpecs.of(routes))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(409, Problem::status)
        .returns("route_exists", Problem::code);
  }

  @ParameterizedTest(name = "[{0}] coexist")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          any any exact /o; any GET exact /o
          any any exact /o; shop.example.com any exact /o
          any any exact /o; any any prefix /o/*
          any any param /o/:id; any any param /o/:id/:x
          any any param /:a/b; any any param /a/:b
          """)
  void routesDifferingInHostMethodKindOrShapeCoexist(String routes) {
    assertThatCode(() -> RouteSpecs.of(routes)).doesNotThrowAnyException();
  }

  @Test
  void invalidPatternIsRejectedWhenTheTableIsBuilt() {
    assertThatThrownBy(() -> RouteSpecs.of("any any exact /api/orders"))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("path", Problem::field);
  }
}
