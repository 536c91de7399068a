package dev.picloud.routes.boundary;

import java.util.UUID;

/**
 * {@code POST /apps/{app}/routes}: host and method default to any, path_kind to exact,
 * dispatch_mode to sync.
 */
public record CreateRoute(
    UUID scriptId, String host, String method, String pathKind, String path, String dispatchMode) {}
