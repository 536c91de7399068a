package dev.picloud.routes.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SPEC 5.2 read literally, for checking {@link RouteTable} against: test every route, keep those
 * that match, sort them by the precedence rules in order, take the first. Slow on purpose; hosts
 * are limited to {@code null}, one exact host and {@code *.example.com}.
 */
final class ReferenceMatcher {
  private final List<Candidate> candidates;

  ReferenceMatcher(List<RouteDefinition> routes) {
    this.candidates = routes.stream().map(Candidate::of).toList();
  }

  Optional<UUID> winner(String host, String method, List<String> segments) {
    Comparator<Candidate> precedence =
        Comparator.<Candidate>comparingInt(c -> c.hostRank(host))
            .thenComparing(c -> c.route().kind())
            .thenComparing(Candidate::literalPositions, ReferenceMatcher::moreLiteralsFirst)
            .thenComparingInt(c -> c.route().kind() == RouteKind.PREFIX ? -c.segments().size() : 0)
            .thenComparing(c -> c.route().method() == null);
    return candidates.stream()
        .filter(c -> c.hostRank(host) < 3)
        .filter(c -> c.route().method() == null || c.route().method().equalsIgnoreCase(method))
        .filter(c -> c.matches(segments))
        .min(precedence)
        .map(c -> c.route().routeId());
  }

  /** More literal segments first; then a literal at the first position where they differ. */
  private static int moreLiteralsFirst(List<Boolean> a, List<Boolean> b) {
    long literalsA = a.stream().filter(x -> x).count();
    long literalsB = b.stream().filter(x -> x).count();
    if (literalsA != literalsB) {
      return Long.compare(literalsB, literalsA);
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return a.get(i) ? -1 : 1;
      }
    }
    return 0;
  }

  /** A route with its path split into segments (a prefix path without its final {@code /*}). */
  private record Candidate(RouteDefinition route, List<String> segments) {
    static Candidate of(RouteDefinition route) {
      String path =
          route.kind() == RouteKind.PREFIX
              ? route.path().substring(0, route.path().length() - 2)
              : route.path();
      return new Candidate(
          route,
          path.isEmpty() || path.equals("/") ? List.of() : List.of(path.substring(1).split("/")));
    }

    int hostRank(String host) {
      if (route.host() == null) {
        return 2;
      }
      if (route.host().equals(host)) {
        return 0;
      }
      return route.host().equals("*.example.com") && host.endsWith(".example.com") ? 1 : 3;
    }

    boolean matches(List<String> request) {
      return switch (route.kind()) {
        case EXACT -> segments.equals(request);
        case PREFIX ->
            request.size() >= segments.size()
                && request.subList(0, segments.size()).equals(segments);
        case PARAM -> {
          boolean same = segments.size() == request.size();
          for (int i = 0; same && i < segments.size(); i++) {
            same = segments.get(i).startsWith(":") || segments.get(i).equals(request.get(i));
          }
          yield same;
        }
      };
    }

    /** For param routes, which positions are literal; empty for the other kinds. */
    List<Boolean> literalPositions() {
      return route.kind() != RouteKind.PARAM
          ? List.of()
          : segments.stream().map(s -> !s.startsWith(":")).toList();
    }
  }
}
