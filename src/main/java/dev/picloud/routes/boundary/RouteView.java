package dev.picloud.routes.boundary;

import dev.picloud.routes.entity.Route;
import java.time.Instant;
import java.util.UUID;

/** A route as the API shows it; a missing host or method means "any". */
public record RouteView(
    UUID id,
    UUID appId,
    UUID scriptId,
    String host,
    String method,
    String pathKind,
    String path,
    String dispatchMode,
    Instant createdAt,
    Instant updatedAt) {
  public static RouteView of(Route route) {
    Route.Shape shape = route.shape();
    return new RouteView(
        route.id(),
        route.appId(),
        shape.scriptId(),
        shape.host(),
        shape.method(),
        shape.pathKind(),
        shape.path(),
        shape.dispatchMode(),
        route.createdAt(),
        route.updatedAt());
  }
}
