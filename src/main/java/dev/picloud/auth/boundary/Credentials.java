package dev.picloud.auth.boundary;

import dev.picloud.auth.control.ApiKeySecret;
import dev.picloud.auth.control.ApiKeyStore;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.KeyHasher;
import dev.picloud.auth.control.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a presented secret into a {@link Caller}, or nothing. Every way of failing — unknown,
 * malformed, wrong secret, revoked, expired, inactive user — looks the same to the outside.
 */
@ApplicationScoped
public class Credentials {
  private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

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
              var key = found.key();
              if (useIsDue(key.lastUsedAt(), now)) {
                keys.touch(key.id());
              }
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
              if (useIsDue(found.lastSeenAt(), now)) {
                sessions.touch(found.id());
              }
              return Caller.session(found.userId(), found.username(), found.owner(), found.id());
            });
  }

  /**
   * A key's or session's use is recorded at most once a minute (SPEC 3.1), decided on the row the
   * lookup read: a caller using it more often costs no write at all.
   */
  private static boolean useIsDue(Instant lastRecorded, Instant now) {
    return lastRecorded == null || lastRecorded.isBefore(now.minus(USE_RECORDED_EVERY));
  }
}
