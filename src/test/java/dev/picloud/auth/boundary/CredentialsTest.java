package dev.picloud.auth.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.auth.control.ApiKeySecret;
import dev.picloud.auth.control.ApiKeyStore;
import dev.picloud.auth.control.ApiKeyStore.KeyCredential;
import dev.picloud.auth.control.ApiKeyStore.StoredKey;
import dev.picloud.auth.control.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Authenticating with an API key records its use at most once a minute, and a key used within the
 * last minute costs no write at all: the check is made on the row the lookup already read.
 */
class CredentialsTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final ApiKeySecret secret = ApiKeySecret.generate();
  private final List<UUID> touched = new ArrayList<>();

  @Test
  void aKeyUsedWithinTheLastMinuteIsNotTouchedAgain() {
    StoredKey key = key(NOW.minusSeconds(59));

    assertThat(credentials(key).authenticate(secret.key())).isPresent();

    assertThat(touched).isEmpty();
  }

  @Test
  void aKeyLastUsedAMinuteAgoOrNeverIsTouched() {
    StoredKey old = key(NOW.minusSeconds(61));
    StoredKey unused = key(null);

    assertThat(credentials(old).authenticate(secret.key())).isPresent();
    assertThat(credentials(unused).authenticate(secret.key())).isPresent();

    assertThat(touched).containsExactly(old.id(), unused.id());
  }

  @Test
  void aWrongSecretWithTheRightPrefixIsNeitherAcceptedNorTouched() {
    String wrong = secret.key().substring(0, 12) + "A".repeat(secret.key().length() - 12);

    assertThat(credentials(key(null)).authenticate(wrong)).isEmpty();

    assertThat(touched).isEmpty();
  }

  private StoredKey key(Instant lastUsedAt) {
    return new StoredKey(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "ci",
        secret.prefix(),
        EnumSet.of(Scope.SCRIPT_READ),
        null,
        null,
        lastUsedAt,
        null,
        NOW.minusSeconds(3600));
  }

  /** Credentials whose key store finds {@code key} for the secret's prefix and records touches. */
  private Credentials credentials(StoredKey key) {
    Credentials credentials = new Credentials();
    credentials.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    credentials.keys =
        new ApiKeyStore() {
          @Override
          public Optional<KeyCredential> findByPrefix(String prefix) {
            return prefix.equals(key.prefix())
                ? Optional.of(new KeyCredential(key, secret.hash(), "ada", true, true))
                : Optional.empty();
          }

          @Override
          public void touch(UUID id) {
            touched.add(id);
          }
        };
    return credentials;
  }
}
