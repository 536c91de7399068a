package dev.picloud.auth.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** API keys: stored by prefix and SHA-256 digest, never in the clear. */
@ApplicationScoped
public class ApiKeyStore {
  private static final String COLUMNS =
      "k.id, k.user_id, k.name, k.prefix, k.secret_hash, k.scopes, k.app_id, k.expires_at,"
          + " k.last_used_at, k.revoked_at, k.created_at";

  private static final String INSERT =
      """
      INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, scopes, app_id, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      RETURNING created_at
      """;

  /** One round trip per request: the key and its user's current standing together. */
  private static final String FIND_BY_PREFIX =
      "SELECT "
          + COLUMNS
          + ", u.username, u.instance_role, u.is_active"
          + " FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.prefix = ?";

  private static final String LIST_FOR_USER =
      "SELECT " + COLUMNS + " FROM api_keys k WHERE k.user_id = ? ORDER BY k.created_at DESC, k.id";

  /** Writes at most once a minute per key, so busy keys do not write on every call. */
  private static final String TOUCH =
      """
      UPDATE api_keys SET last_used_at = now()
      WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
      """;

  private static final String REVOKE =
      """
      UPDATE api_keys SET revoked_at = now(), updated_at = now()
      WHERE id = ? AND user_id = ? AND revoked_at IS NULL
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A stored key without its digest. */
  public record StoredKey(
      UUID id,
      UUID userId,
      String name,
      String prefix,
      Set<Scope> scopes,
      UUID appId,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      Instant createdAt) {}

  /** A key found for authentication: digest and the user's standing included. */
  public record KeyCredential(
      StoredKey key, String secretHash, String username, boolean owner, boolean userActive) {}

  /** Stores a new key and returns its creation time. */
  public Instant insert(
      UUID id,
      UUID userId,
      String name,
      ApiKeySecret secret,
      Set<Scope> scopes,
      UUID appId,
      Instant expiresAt) {
    List<String> scopeNames = scopes.stream().map(Scope::wire).sorted().toList();
    return Jdbc.queryOne(
            dataSource,
            INSERT,
            row -> Jdbc.instant(row, "created_at"),
            id,
            userId,
            name,
            secret.prefix(),
            secret.hash(),
            scopeNames,
            appId,
            expiresAt)
        .orElseThrow();
  }

  public Optional<KeyCredential> findByPrefix(String prefix) {
    return Jdbc.queryOne(
        dataSource,
        FIND_BY_PREFIX,
        row ->
            new KeyCredential(
                key(row),
                row.getString("secret_hash"),
                row.getString("username"),
                "owner".equals(row.getString("instance_role")),
                row.getBoolean("is_active")),
        prefix);
  }

  public List<StoredKey> listForUser(UUID userId) {
    return Jdbc.query(dataSource, LIST_FOR_USER, ApiKeyStore::key, userId);
  }

  public Optional<StoredKey> find(UUID id, UUID userId) {
    return Jdbc.queryOne(
        dataSource,
        "SELECT " + COLUMNS + " FROM api_keys k WHERE k.id = ? AND k.user_id = ?",
        ApiKeyStore::key,
        id,
        userId);
  }

  public void touch(UUID id) {
    Jdbc.update(dataSource, TOUCH, id);
  }

  /** Revokes one of the user's keys; false when there is no such unrevoked key. */
  public boolean revoke(UUID id, UUID userId) {
    return Jdbc.update(dataSource, REVOKE, id, userId) == 1;
  }

  private static StoredKey key(ResultSet row) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Jdbc.textArray(row, "scopes").forEach(name -> Scope.fromWire(name).ifPresent(scopes::add));
    return new StoredKey(
        row.getObject("id", UUID.class),
        row.getObject("user_id", UUID.class),
        row.getString("name"),
        row.getString("prefix"),
        scopes,
        row.getObject("app_id", UUID.class),
        Jdbc.instant(row, "expires_at"),
        Jdbc.instant(row, "last_used_at"),
        Jdbc.instant(row, "revoked_at"),
        Jdbc.instant(row, "created_at"));
  }
}
