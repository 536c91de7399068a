package dev.picloud.routes.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled routes of one app (SPEC 5.2), rebuilt whenever its routes or domains change and then
 * only read, by any number of request threads: everything is built before the constructor ends and
 * reached through final fields, which publishes it safely without locks.
 *
 * <p>Precedence, each rule deciding only between candidates the rules before it tie: a route for
 * the request's host beats one for a wildcard host above it (longest suffix first), which beats an
 * any-host route; then {@code exact} beats {@code param} beats {@code prefix}; among param routes
 * more literal segments win, then the one whose first literal segment comes earliest; among prefix
 * routes the longest prefix wins; a method-specific route beats an any-method one. Methods compare
 * case-insensitively, paths case-sensitively. A bucket whose routes all miss falls through to the
 * next, so a host-specific {@code GET /a} does not hide an any-host {@code POST /a}.
 *
 * <p>A match costs work in the number of path segments, not of routes (see {@link RouteTrie}).
 * Request paths under a {@link ReservedPrefixes reserved prefix} never match.
 */
public final class RouteTable {
  private static final RouteMatch NO_ROUTE = new RouteMatch.NoRoute();

  private final Map<String, RouteTrie> byHost;
  private final RouteTrie anyHost;

  private RouteTable(Map<String, RouteTrie> byHost, RouteTrie anyHost) {
    this.byHost = byHost;
    this.anyHost = anyHost;
  }

  /**
   * The table for one app's routes. An invalid path is a 422 as in {@link RoutePattern#parse}; two
   * routes with the same host, method, kind and path (parameter names aside) are a 409 {@code
   * route_exists}, so the admin API can check a new route by building a table with it.
   */
  public static RouteTable of(Collection<RouteDefinition> routes) {
    Map<String, RouteTrie> byHost = new HashMap<>();
    RouteTrie anyHost = new RouteTrie();
    for (RouteDefinition route : routes) {
      RoutePattern pattern = RoutePattern.parse(route.kind(), route.path());
      RouteTrie trie =
          route.host() == null
              ? anyHost
              : byHost.computeIfAbsent(route.host(), host -> new RouteTrie());
      trie.add(route, pattern);
    }
    return new RouteTable(Map.copyOf(byHost), anyHost);
  }

  /**
   * The route serving a request.
   *
   * @param host the raw {@code Host} header (port, case and a trailing dot do not matter); when it
   *     is not a valid host only any-host routes can match
   * @param method the request method, any case
   * @param rawPath the path as received, still percent-encoded, without the query
   */
  public RouteMatch match(String host, String method, String rawPath) {
    List<String> segments;
    try {
      segments = RequestPath.parse(rawPath).segments();
    } catch (BadPathException e) {
      return new RouteMatch.BadPath(e.getMessage());
    }
    if (!segments.isEmpty() && ReservedPrefixes.isReserved(segments.get(0))) {
      return NO_ROUTE;
    }
    String verb = method == null ? null : method.toUpperCase(Locale.ROOT);
    Optional<String> name = byHost.isEmpty() ? Optional.empty() : HostName.fromHeader(host);
    if (name.isPresent()) {
      for (String key : HostName.candidates(name.get())) {
        RouteTrie trie = byHost.get(key);
        RouteMatch.Matched found = trie == null ? null : trie.match(segments, verb);
        if (found != null) {
          return found;
        }
      }
    }
    RouteMatch.Matched found = anyHost.match(segments, verb);
    return found != null ? found : NO_ROUTE;
  }
}
