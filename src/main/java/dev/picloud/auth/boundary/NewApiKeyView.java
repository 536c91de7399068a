package dev.picloud.auth.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to a key creation: the only time {@code key} is ever shown. */
public record NewApiKeyView(
    UUID id,
    String key,
    String prefix,
    String name,
    List<String> scopes,
    UUID appId,
    Instant expiresAt,
    Instant createdAt) {}
