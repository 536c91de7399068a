package dev.picloud.routes.control;

import dev.picloud.platform.control.ApiException;
import java.util.Locale;

/** How a route's path is compared with a request path (SPEC 5.2), in precedence order. */
public enum RouteKind {
  EXACT,
  PARAM,
  PREFIX;

  /** The stored and wire spelling: {@code exact}, {@code param} or {@code prefix}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind spelled {@code wireName}, or a 422 naming {@code path_kind}. */
  public static RouteKind parse(String wireName) {
    for (RouteKind kind : values()) {
      if (kind.wireName().equals(wireName)) {
        return kind;
      }
    }
    throw ApiException.invalid("path_kind", "path_kind must be exact, param or prefix.");
  }
}
