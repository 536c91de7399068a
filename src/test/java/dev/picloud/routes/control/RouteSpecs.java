package dev.picloud.routes.control;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A route table written as the routes an app would list, one spec per route: {@code "HOST METHOD
 * KIND PATH"} with {@code any} for a null host or method ({@code "any GET param /orders/:id"}).
 * {@link #winner} names the route that answered by its spec, so precedence tables read directly.
 */
final class RouteSpecs {
  private final Map<UUID, String> specsById = new HashMap<>();
  private final RouteTable table;

  private RouteSpecs(List<String> specs) {
    List<RouteDefinition> routes =
        specs.stream()
            .map(
                spec -> {
                  RouteDefinition route = definition(spec);
                  specsById.put(route.routeId(), spec);
                  return route;
                })
            .toList();
    table = RouteTable.of(routes);
  }

  /** Specs separated by {@code ;}, as in a CSV table cell. */
  static RouteSpecs of(String specs) {
    return new RouteSpecs(Arrays.stream(specs.split(";")).map(String::strip).toList());
  }

  static RouteDefinition definition(String spec) {
    String[] parts = spec.split(" ");
    if (parts.length != 4) {
      throw new IllegalArgumentException("Not HOST METHOD KIND PATH: " + spec);
    }
    return new RouteDefinition(
        UUID.randomUUID(),
        UUID.randomUUID(),
        parts[0].equals("any") ? null : parts[0],
        parts[1].equals("any") ? null : parts[1],
        RouteKind.parse(parts[2]),
        parts[3],
        "sync");
  }

  RouteMatch match(String host, String method, String path) {
    return table.match(host, method, path);
  }

  /** The spec of the route that answers, or {@code no_route} / {@code bad_path}. */
  String winner(String host, String method, String path) {
    RouteMatch match = match(host, method, path);
    if (match instanceof RouteMatch.Matched matched) {
      return specsById.get(matched.routeId());
    }
    return match instanceof RouteMatch.BadPath ? RouteMatch.BadPath.CODE : RouteMatch.NoRoute.CODE;
  }
}
