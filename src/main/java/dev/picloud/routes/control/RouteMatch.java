package dev.picloud.routes.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What {@link RouteTable#match} found for a request: a route, no route, or a path it refuses. */
public sealed interface RouteMatch {
  /** No route of the app serves the request: 404 {@code no_route}. */
  record NoRoute() implements RouteMatch {
    public static final String CODE = "no_route";
  }

  /** The path is refused before any route is consulted: 400 {@code bad_path}, {@code reason}. */
  record BadPath(String reason) implements RouteMatch {
    public static final String CODE = "bad_path";
  }

  /**
   * The winning route. {@code params} holds the decoded {@code :name} segments of a param route in
   * path order (empty otherwise); {@code rest} is what a prefix route's path leaves over, decoded
   * segments joined by {@code /} without a leading slash (empty when nothing is left, and for the
   * other kinds).
   */
  record Matched(
      UUID routeId, UUID scriptId, String dispatchMode, Map<String, String> params, String rest)
      implements RouteMatch {
    public Matched {
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }
}
