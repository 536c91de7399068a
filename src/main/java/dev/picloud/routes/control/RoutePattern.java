package dev.picloud.routes.control;

import dev.picloud.platform.control.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated route path (SPEC 5.2). Literal segments are written decoded ({@code /café}, not
 * {@code /caf%C3%A9}) because they are compared with decoded request segments; {@code %} is refused
 * so that the two spellings cannot be confused. Every rule below exists because a pattern breaking
 * it could never match, or would match something other than it says:
 *
 * <ul>
 *   <li>it starts with {@code /}, has no empty segment and no trailing {@code /} (except the exact
 *       path {@code /}): a trailing slash is ignored when matching anyway;
 *   <li>{@code :name} segments ({@code [A-Za-z_][A-Za-z0-9_]*}, each name once) only in {@code
 *       param} paths, which need at least one; {@code *} only as the final {@code /*} of a {@code
 *       prefix} path, which must have it;
 *   <li>no {@code .} or {@code ..} segment, whitespace, control character, {@code %}, {@code \},
 *       {@code ?} or {@code #} — request paths holding them are refused or never reach the route;
 *   <li>at most {@value #MAX_LENGTH} characters and {@value #MAX_SEGMENTS} segments, which also
 *       bounds how deep a route search can go;
 *   <li>not under a {@link ReservedPrefixes reserved prefix}.
 * </ul>
 */
public final class RoutePattern {
  public static final int MAX_LENGTH = 512;
  public static final int MAX_SEGMENTS = 32;
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String FORBIDDEN_IN_LITERALS = "%\\?#*";

  private final RouteKind kind;
  private final String path;
  private final List<String> segments;

  private RoutePattern(RouteKind kind, String path, List<String> segments) {
    this.kind = kind;
    this.path = path;
    this.segments = List.copyOf(segments);
  }

  /** The pattern, or a 422 naming {@code path_kind} or {@code path} with what is wrong. */
  public static RoutePattern parse(RouteKind kind, String path) {
    if (kind == null) {
      throw ApiException.invalid("path_kind", "path_kind must be exact, param or prefix.");
    }
    if (path == null || path.isEmpty()) {
      throw invalid("path is required.");
    }
    if (path.length() > MAX_LENGTH) {
      throw invalid("path must be at most " + MAX_LENGTH + " characters.");
    }
    if (!path.startsWith("/")) {
      throw invalid("path must start with '/'.");
    }
    if (kind == RouteKind.PREFIX && !path.endsWith("/*")) {
      throw invalid("a prefix path must end with '/*' (for example /static/*).");
    }
    String base = kind == RouteKind.PREFIX ? path.substring(0, path.length() - 2) : path;
    boolean root = kind == RouteKind.PREFIX ? base.isEmpty() : base.equals("/");
    List<String> segments = root ? List.of() : List.of(base.substring(1).split("/", -1));
    if (segments.size() > MAX_SEGMENTS) {
      throw invalid("path must have at most " + MAX_SEGMENTS + " segments.");
    }
    List<String> names = new ArrayList<>();
    for (String segment : segments) {
      if (segment.startsWith(":")) {
        names.add(paramName(kind, segment));
      } else {
        checkLiteral(segment);
      }
    }
    if (kind == RouteKind.PARAM && names.isEmpty()) {
      throw invalid("a param path needs at least one ':name' segment; use an exact path instead.");
    }
    Set<String> distinct = new HashSet<>(names);
    if (distinct.size() < names.size()) {
      throw invalid("path must not use a parameter name twice.");
    }
    if (!segments.isEmpty() && ReservedPrefixes.isReserved(segments.get(0))) {
      throw invalid(
          "path must not start with a reserved prefix (" + ReservedPrefixes.describe() + ").");
    }
    return new RoutePattern(kind, path, segments);
  }

  public RouteKind kind() {
    return kind;
  }

  /** The path as written, which is what is stored. */
  public String path() {
    return path;
  }

  /**
   * Literal segments and {@code :name} segments in order; for a prefix path, the segments before
   * the final {@code /*} (none for {@code /*}).
   */
  public List<String> segments() {
    return segments;
  }

  boolean isParam(int index) {
    return segments.get(index).startsWith(":");
  }

  private static String paramName(RouteKind kind, String segment) {
    if (kind != RouteKind.PARAM) {
      throw invalid("':name' segments are only allowed in param paths.");
    }
    String name = segment.substring(1);
    if (!PARAM_NAME.matcher(name).matches()) {
      throw invalid(
          "parameter '"
              + segment
              + "' must be ':' then a letter or '_', then letters, digits or '_'.");
    }
    return name;
  }

  private static void checkLiteral(String segment) {
    if (segment.isEmpty()) {
      throw invalid("path must not have empty segments ('//') or end with '/'.");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw invalid("path must not have '.' or '..' segments.");
    }
    if (segment.indexOf('*') >= 0) {
      throw invalid("'*' is only allowed as the final '/*' of a prefix path.");
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (FORBIDDEN_IN_LITERALS.indexOf(c) >= 0
          || Character.isWhitespace(c)
          || Character.isISOControl(c)) {
        throw invalid(
            "path must not hold whitespace, control characters, '%', '\\', '?' or '#'; write"
                + " literal segments decoded (/café, not /caf%C3%A9).");
      }
    }
  }

  private static ApiException invalid(String detail) {
    return ApiException.invalid("path", detail);
  }
}
