package dev.picloud.routes.control;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored route of an app, as the route table is built from it. {@code host} null serves every
 * host of the app (a wildcard host {@code *.example.com} serves the hosts below it); {@code method}
 * null serves every method. Both are normalised here (host lower-case without a trailing dot,
 * method upper-case) so that stored spellings never decide whether a request matches.
 */
public record RouteDefinition(
    UUID routeId,
    UUID scriptId,
    String host,
    String method,
    RouteKind kind,
    String path,
    String dispatchMode) {

  public RouteDefinition {
    Objects.requireNonNull(routeId, "routeId");
    Objects.requireNonNull(scriptId, "scriptId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(dispatchMode, "dispatchMode");
    host = host == null ? null : HostName.key(host);
    method = method == null ? null : method.toUpperCase(Locale.ROOT);
  }
}
