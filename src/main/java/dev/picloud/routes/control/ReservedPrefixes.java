package dev.picloud.routes.control;

import java.util.List;

/**
 * The first path segments the platform itself serves (SPEC 1.4): {@code /api}, {@code /admin},
 * {@code /health}, {@code /metrics}, {@code /openapi}, {@code /version}, each with everything below
 * it. Route patterns may not start with one, and request paths under one never reach user routes,
 * so a catch-all route cannot answer for a mistyped API call.
 *
 * <p>The comparison ignores case: no platform path differs from these only in case, and a route
 * {@code /API/v1/...} would read as a platform path to people and to case-folding proxies alike.
 * Whole segments are compared, so {@code /apiary} and {@code /versions} are ordinary paths.
 */
public final class ReservedPrefixes {
  static final List<String> FIRST_SEGMENTS =
      List.of("api", "admin", "health", "metrics", "openapi", "version");

  private ReservedPrefixes() {}

  /** Whether a path whose first (decoded) segment is {@code segment} belongs to the platform. */
  static boolean isReserved(String segment) {
    for (String reserved : FIRST_SEGMENTS) {
      if (reserved.equalsIgnoreCase(segment)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a raw request path ({@code /api/v1/...}) is the platform's rather than an app's. */
  public static boolean isReservedPath(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    int slash = path.indexOf('/');
    return isReserved(slash < 0 ? path : path.substring(0, slash));
  }

  /** The list as a sentence fragment for error messages: {@code /api, /admin, ...}. */
  static String describe() {
    return "/" + String.join(", /", FIRST_SEGMENTS);
  }
}
