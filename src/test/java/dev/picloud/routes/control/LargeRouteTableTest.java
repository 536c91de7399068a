package dev.picloud.routes.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables of thousands of routes: each route still answers exactly its own requests, and random
 * tables with dense overlaps agree with {@link ReferenceMatcher}, the precedence rules read
 * literally. (How fast matching stays is {@code RouteTableBenchmark}'s business.)
 */
class LargeRouteTableTest {
  private static final String[] METHODS = {null, "GET", "POST"};
  private static final String[] ROUTE_HOSTS = {null, "a.example.com", "*.example.com"};
  private static final String[] REQUEST_HOSTS = {"a.example.com", "b.example.com", "other.org"};

  @Test
  void tenThousandRoutesEachAnswerTheirOwnRequests() {
    List<RouteDefinition> routes = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      routes.add(route(null, RouteKind.EXACT, "/svc" + i + "/status"));
      routes.add(route(null, RouteKind.PARAM, "/svc" + i + "/orders/:id"));
      routes.add(route(null, RouteKind.PARAM, "/svc" + i + "/orders/:id/items/:item"));
      routes.add(route(null, RouteKind.PREFIX, "/svc" + i + "/static/*"));
      routes.add(route("GET", RouteKind.PARAM, "/:tenant/svc" + i + "/report"));
    }
    RouteTable table = RouteTable.of(routes);

    for (int i = 0; i < 2_000; i++) {
      String svc = "/svc" + i;
      assertThat(table.match("h", "GET", svc + "/status"))
          .isEqualTo(matched(routes, 5 * i, Map.of(), ""));
      assertThat(table.match("h", "PUT", svc + "/orders/7"))
          .isEqualTo(matched(routes, 5 * i + 1, Map.of("id", "7"), ""));
      assertThat(table.match("h", "GET", svc + "/orders/7/items/8"))
          .isEqualTo(matched(routes, 5 * i + 2, Map.of("id", "7", "item", "8"), ""));
      assertThat(table.match("h", "GET", svc + "/static/css/site.css"))
          .isEqualTo(matched(routes, 5 * i + 3, Map.of(), "css/site.css"));
      assertThat(table.match("h", "get", "/acme" + svc + "/report"))
          .isEqualTo(matched(routes, 5 * i + 4, Map.of("tenant", "acme"), ""));
      assertThat(table.match("h", "POST", "/acme" + svc + "/report"))
          .isEqualTo(new RouteMatch.NoRoute());
    }
    assertThat(table.match("h", "GET", "/svc2000/status")).isEqualTo(new RouteMatch.NoRoute());
  }

  @ParameterizedTest(name = "seed {0}: {1} tables of up to {2} routes")
  @CsvSource({"1, 100, 30", "2, 20, 300", "3, 1, 10000"})
  void randomTablesAgreeWithTheRulesReadLiterally(long seed, int tables, int routesPerTable) {
    Random random = new Random(seed);
    List<String> disagreements = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      List<RouteDefinition> routes = randomRoutes(random, routesPerTable);
      RouteTable table = RouteTable.of(routes);
      ReferenceMatcher reference = new ReferenceMatcher(routes);
      for (int r = 0; r < 300; r++) {
        List<String> segments = randomSegments(random, 6, new String[] {"a", "b", "c", "d"});
        String host = REQUEST_HOSTS[random.nextInt(REQUEST_HOSTS.length)];
        String method = random.nextBoolean() ? "GET" : "POST";
        String path = "/" + String.join("/", segments);

        RouteMatch match = table.match(host, method, path);
        Optional<UUID> found =
            match instanceof RouteMatch.Matched m ? Optional.of(m.routeId()) : Optional.empty();
        Optional<UUID> expected = reference.winner(host, method, segments);

        if (!found.equals(expected)) {
          disagreements.add(
              String.format(
                  "%s %s %s: %s, not %s",
                  host, method, path, find(routes, found), find(routes, expected)));
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static Optional<RouteDefinition> find(List<RouteDefinition> routes, Optional<UUID> id) {
    return routes.stream().filter(r -> Optional.of(r.routeId()).equals(id)).findFirst();
  }

  private static List<RouteDefinition> randomRoutes(Random random, int count) {
    Set<String> keys = new HashSet<>();
    List<RouteDefinition> routes = new ArrayList<>();
    String[] literals = {"a", "b", "c"};
    for (int i = 0; i < count; i++) {
      RouteKind kind = RouteKind.values()[random.nextInt(3)];
      List<String> segments = randomSegments(random, 5, literals);
      if (kind == RouteKind.PARAM) {
        segments = new ArrayList<>(segments);
        segments.add(random.nextInt(segments.size() + 1), ":");
        for (int s = 0; s < segments.size(); s++) {
          segments.set(
              s,
              random.nextInt(3) == 0 || segments.get(s).equals(":") ? ":p" + s : segments.get(s));
        }
      }
      String path =
          "/"
              + String.join("/", segments)
              + (kind == RouteKind.PREFIX ? (segments.isEmpty() ? "*" : "/*") : "");
      String host = ROUTE_HOSTS[random.nextInt(ROUTE_HOSTS.length)];
      String method = METHODS[random.nextInt(METHODS.length)];
      if (keys.add(host + " " + method + " " + kind + " " + path.replaceAll(":p[0-9]+", ":"))) {
        routes.add(
            new RouteDefinition(
                UUID.randomUUID(), UUID.randomUUID(), host, method, kind, path, "sync"));
      }
    }
    return routes;
  }

  private static List<String> randomSegments(Random random, int maxDepth, String[] alphabet) {
    List<String> segments = new ArrayList<>();
    int depth = random.nextInt(maxDepth);
    for (int i = 0; i < depth; i++) {
      segments.add(alphabet[random.nextInt(alphabet.length)]);
    }
    return segments;
  }

  private static RouteDefinition route(String method, RouteKind kind, String path) {
    return new RouteDefinition(
        UUID.randomUUID(), UUID.randomUUID(), null, method, kind, path, "sync");
  }

  private static RouteMatch matched(
      List<RouteDefinition> routes, int index, Map<String, String> params, String rest) {
    RouteDefinition route = routes.get(index);
    return new RouteMatch.Matched(route.routeId(), route.scriptId(), "sync", params, rest);
  }
}
