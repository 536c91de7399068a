package dev.picloud.routes.boundary;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** A request to an app's route, as received: raw path, Host header, decoded query, unread body. */
public record PublicRequest(
    String method,
    String rawPath,
    String host,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    InputStream body,
    long contentLength,
    String contentType) {}
