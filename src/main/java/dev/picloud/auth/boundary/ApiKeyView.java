package dev.picloud.auth.boundary;

import dev.picloud.auth.control.ApiKeyStore.StoredKey;
import dev.picloud.auth.control.Scope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as listed: never the key itself. */
public record ApiKeyView(
    UUID id,
    String name,
    String prefix,
    List<String> scopes,
    UUID appId,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    Instant createdAt) {
  public static ApiKeyView of(StoredKey key) {
    return new ApiKeyView(
        key.id(),
        key.name(),
        key.prefix(),
        key.scopes().stream().map(Scope::wire).sorted().toList(),
        key.appId(),
        key.expiresAt(),
        key.lastUsedAt(),
        key.revokedAt(),
        key.createdAt());
  }
}
