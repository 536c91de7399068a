package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API key and session stores on a real PostgreSQL. */
class CredentialStoresIT {
  private final DataSource db = TestDatabase.get();
  private final ApiKeyStore keys = new ApiKeyStore();
  private final SessionStore sessions = new SessionStore();
  private UUID userId;

  @BeforeEach
  void user() {
    keys.dataSource = db;
    sessions.dataSource = db;
    userId = UUID.randomUUID();
    Jdbc.update(
        db,
        "INSERT INTO users (id, username, password_hash, instance_role) VALUES (?, ?, 'x', 'member')",
        userId,
        "u-" + userId);
  }

  @Test
  void keyIsFoundByPrefixWithItsDigestScopesAndUser() {
    ApiKeySecret secret = ApiKeySecret.generate();
    Instant expires = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    UUID id = UUID.randomUUID();
    Instant created =
        keys.insert(
            id, userId, "ci", secret, EnumSet.of(Scope.LOG_READ, Scope.SCRIPT_READ), null, expires);

    var found = keys.findByPrefix(secret.prefix()).orElseThrow();
    assertThat(found.secretHash()).isEqualTo(KeyHasher.sha256Hex(secret.key()));
    assertThat(found.key().scopes()).containsExactlyInAnyOrder(Scope.LOG_READ, Scope.SCRIPT_READ);
    assertThat(found.key().expiresAt()).isEqualTo(expires);
    assertThat(found.key().createdAt()).isEqualTo(created).isCloseTo(Instant.now(), within());
    assertThat(found.username()).isEqualTo("u-" + userId);
    assertThat(found.userActive()).isTrue();
    assertThat(storedSecretColumns(id)).doesNotContain(secret.key());
  }

  @Test
  void revokeAffectsOnlyTheOwnersUnrevokedKey() {
    UUID id = UUID.randomUUID();
    keys.insert(id, userId, "k", ApiKeySecret.generate(), Set.of(Scope.SCRIPT_READ), null, null);
    assertThat(keys.revoke(id, UUID.randomUUID())).isFalse();
    assertThat(keys.revoke(id, userId)).isTrue();
    assertThat(keys.revoke(id, userId)).isFalse();
    assertThat(keys.find(id, userId).orElseThrow().revokedAt()).isNotNull();
  }

  @Test
  void lastUsedAtIsWrittenAtMostOnceAMinute() {
    UUID id = UUID.randomUUID();
    keys.insert(id, userId, "k", ApiKeySecret.generate(), Set.of(Scope.SCRIPT_READ), null, null);
    keys.touch(id);
    Instant first = keys.find(id, userId).orElseThrow().lastUsedAt();
    keys.touch(id);
    assertThat(keys.find(id, userId).orElseThrow().lastUsedAt()).isEqualTo(first);
    Jdbc.update(
        db, "UPDATE api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = ?", id);
    keys.touch(id);
    assertThat(keys.find(id, userId).orElseThrow().lastUsedAt()).isAfter(first.minusSeconds(2));
  }

  @Test
  void sessionsAreFoundByTokenDigestAndDeletedWithTheirUser() {
    SessionToken live = SessionToken.generate();
    SessionToken stale = SessionToken.generate();
    Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
    sessions.insert(UUID.randomUUID(), userId, live.hash(), expires);
    sessions.insert(UUID.randomUUID(), userId, stale.hash(), Instant.now().minusSeconds(5));

    var found = sessions.findByTokenHash(live.hash()).orElseThrow();
    assertThat(found.expiresAt()).isEqualTo(expires);
    assertThat(found.userId()).isEqualTo(userId);
    assertThat(sessions.findByTokenHash(KeyHasher.sha256Hex(live.token()))).isPresent();
    assertThat(sessions.findByTokenHash(live.token())).isEmpty();

    assertThat(sessions.findByTokenHash(stale.hash()).orElseThrow().expiresAt())
        .isBefore(Instant.now());

    sessions.deleteForUser(userId);
    assertThat(sessions.findByTokenHash(live.hash())).isEmpty();
  }

  private String storedSecretColumns(UUID id) {
    return Jdbc.queryOne(
            db, "SELECT k::text FROM api_keys k WHERE id = ?", row -> row.getString(1), id)
        .orElseThrow();
  }

  private static org.assertj.core.data.TemporalUnitOffset within() {
    return new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.MINUTES);
  }
}
