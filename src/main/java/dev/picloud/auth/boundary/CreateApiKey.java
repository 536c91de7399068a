package dev.picloud.auth.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code POST /api-keys}. */
public record CreateApiKey(String name, List<String> scopes, UUID appId, Instant expiresAt) {}
