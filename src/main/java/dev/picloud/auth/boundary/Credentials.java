package dev.picloud.auth.boundary;

import dev.picloud.auth.control.ApiKeySecret;
import dev.picloud.auth.control.ApiKeyStore;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.KeyHasher;
import dev.picloud.auth.control.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a presented secret into a {@link Caller}, or nothing. Every way of failing — unknown,
 * malformed, wrong secret, revoked, expired, inactive user — looks the same to the outside.
 */
@ApplicationScoped
public class Credentials {
  @Inject ApiKeyStore keys;
  @Inject SessionStore sessions;
  @Inject Clock clock;

  public Optional<Caller> authenticate(String presented) {
    return presented.startsWith(ApiKeySecret.MARKER) ? byKey(presented) : bySession(presented);
  }

  private Optional<Caller> byKey(String presented) {
    Optional<String> prefix = ApiKeySecret.prefixOf(presented);
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return keys.findByPrefix(prefix.get())
        .filter(found -> KeyHasher.sameDigest(found.secretHash(), KeyHasher.sha256Hex(presented)))
        .filter(found -> found.userActive() && found.key().revokedAt() == null)
        .filter(found -> found.key().expiresAt() == null || found.key().expiresAt().isAfter(now))
        .map(
            found -> {
              keys.touch(found.key().id());
              var key = found.key();
              return Caller.apiKey(
                  key.userId(),
                  found.username(),
                  found.owner(),
                  key.id(),
                  key.scopes(),
                  key.appId());
            });
  }

  private Optional<Caller> bySession(String presented) {
    Instant now = clock.instant();
    return sessions
        .findByTokenHash(KeyHasher.sha256Hex(presented))
        .filter(found -> found.userActive() && found.expiresAt().isAfter(now))
        .map(
            found -> {
              if (found.lastSeenAt().isBefore(now.minusSeconds(60))) {
                sessions.touch(found.id());
              }
              return Caller.session(found.userId(), found.username(), found.owner(), found.id());
            });
  }
}
