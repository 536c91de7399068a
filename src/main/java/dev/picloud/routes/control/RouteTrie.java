package dev.picloud.routes.control;

import dev.picloud.platform.control.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one host bucket as a segment trie: each node has its literal children by segment
 * text and one child for every {@code :param} segment (names do not matter for matching, so two
 * param paths that differ only in names are duplicates). A route sits at the node its segments lead
 * to, in a slot for its kind, keyed by method.
 *
 * <p>Exact and prefix routes are found by one walk down literal children, so their cost is the
 * number of segments. A param search follows, from each node, the literal child equal to the
 * segment (first) and the param child; it keeps a candidate only when it has strictly more literal
 * segments than the best so far, and skips a subtree that cannot beat the best (each node knows the
 * most literal segments below it). Literal-first order makes the tie-break: among candidates with
 * equally many literals, the one whose first literal comes earliest wins ({@code /a/:x/c} beats
 * {@code /:y/b/c} for {@code /a/b/c}). The search branches only where a literal and a param both
 * continue the path, and never deeper than {@link RoutePattern#MAX_SEGMENTS}; it never looks at
 * routes off the path, whatever their number.
 *
 * <p>Nodes are only mutated while the owning {@link RouteTable} is being built, by one thread.
 */
final class RouteTrie {
  private final Node root = new Node();

  void add(RouteDefinition route, RoutePattern pattern) {
    List<String> segments = pattern.segments();
    int literalsLeft = (int) segments.stream().filter(s -> !s.startsWith(":")).count();
    Node node = root;
    for (int i = 0; i <= segments.size(); i++) {
      if (route.kind() == RouteKind.PARAM) {
        node.maxParamLiterals = Math.max(node.maxParamLiterals, literalsLeft);
      }
      if (i == segments.size()) {
        break;
      }
      if (pattern.isParam(i)) {
        if (node.param == null) {
          node.param = new Node();
        }
        node = node.param;
      } else {
        node = node.literals.computeIfAbsent(segments.get(i), s -> new Node());
        literalsLeft--;
      }
    }
    int kind = route.kind().ordinal();
    if (node.slots[kind] == null) {
      node.slots[kind] = new Slots();
    }
    node.slots[kind].add(new Entry(route, pattern));
  }

  /** The best route here for the decoded segments and upper-case method, or null. */
  RouteMatch.Matched match(List<String> segments, String method) {
    Entry exact = exact(segments, method);
    Entry found = exact != null ? exact : new ParamSearch(segments, method).run(root);
    found = found != null ? found : longestPrefix(segments, method);
    return found == null ? null : found.matched(segments);
  }

  private Entry exact(List<String> segments, String method) {
    Node node = root;
    for (int i = 0; i < segments.size() && node != null; i++) {
      node = node.literals.get(segments.get(i));
    }
    return node == null ? null : find(node, RouteKind.EXACT, method);
  }

  private Entry longestPrefix(List<String> segments, String method) {
    Node node = root;
    Entry best = null;
    for (int i = 0; node != null; i++) {
      Entry here = find(node, RouteKind.PREFIX, method);
      best = here != null ? here : best;
      node = i < segments.size() ? node.literals.get(segments.get(i)) : null;
    }
    return best;
  }

  private static Entry find(Node node, RouteKind kind, String method) {
    Slots slots = node.slots[kind.ordinal()];
    return slots == null ? null : slots.find(method);
  }

  private static final class ParamSearch {
    private final List<String> segments;
    private final String method;
    private Entry best;
    private int bestLiterals = -1;

    ParamSearch(List<String> segments, String method) {
      this.segments = segments;
      this.method = method;
    }

    Entry run(Node root) {
      visit(root, 0, 0);
      return best;
    }

    private void visit(Node node, int depth, int literals) {
      if (node.maxParamLiterals < 0 || literals + node.maxParamLiterals <= bestLiterals) {
        return;
      }
      if (depth == segments.size()) {
        Entry here = find(node, RouteKind.PARAM, method);
        if (here != null && literals > bestLiterals) {
          best = here;
          bestLiterals = literals;
        }
        return;
      }
      Node literal = node.literals.get(segments.get(depth));
      if (literal != null) {
        visit(literal, depth + 1, literals + 1);
      }
      if (node.param != null) {
        visit(node.param, depth + 1, literals);
      }
    }
  }

  private static final class Node {
    private final Map<String, Node> literals = new HashMap<>();
    private final Slots[] slots = new Slots[RouteKind.values().length];
    private Node param;
    private int maxParamLiterals = -1;
  }

  /** The routes of one kind at one node: one per method, plus one for any method. */
  private static final class Slots {
    private final Map<String, Entry> byMethod = new HashMap<>();
    private Entry anyMethod;

    void add(Entry entry) {
      String method = entry.route().method();
      Entry previous = method == null ? anyMethod : byMethod.get(method);
      if (previous != null) {
        throw ApiException.conflict(
            "route_exists",
            "A route with the same host, method, kind and path already exists ("
                + previous.route().routeId()
                + "; parameter names do not tell param paths apart).");
      }
      if (method == null) {
        anyMethod = entry;
      } else {
        byMethod.put(method, entry);
      }
    }

    /** A method-specific route beats an any-method one. */
    Entry find(String method) {
      Entry specific = method == null ? null : byMethod.get(method);
      return specific != null ? specific : anyMethod;
    }
  }

  private record Entry(RouteDefinition route, RoutePattern pattern) {
    RouteMatch.Matched matched(List<String> request) {
      List<String> segments = pattern.segments();
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.size() && route.kind() == RouteKind.PARAM; i++) {
        if (pattern.isParam(i)) {
          params.put(segments.get(i).substring(1), request.get(i));
        }
      }
      String rest =
          route.kind() == RouteKind.PREFIX
              ? String.join("/", request.subList(segments.size(), request.size()))
              : "";
      return new RouteMatch.Matched(
          route.routeId(), route.scriptId(), route.dispatchMode(), params, rest);
    }
  }
}
