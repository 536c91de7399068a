package dev.picloud.auth.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Login sessions, looked up by the SHA-256 of their token on every session-authenticated call. */
@ApplicationScoped
public class SessionStore {
  private static final String INSERT =
      """
      INSERT INTO sessions (id, user_id, token_hash, expires_at) VALUES (?, ?, ?, ?)
      """;

  /** One round trip per request: the session and the user's current standing together. */
  private static final String FIND =
      """
      SELECT s.id, s.expires_at, s.last_seen_at, u.id AS user_id, u.username, u.instance_role,
             u.is_active
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ?
      """;

  /** Writes at most once a minute per session, so busy sessions do not write on every call. */
  private static final String TOUCH =
      """
      UPDATE sessions SET last_seen_at = now(), updated_at = now()
      WHERE id = ? AND last_seen_at < now() - interval '1 minute'
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A stored session with its user. */
  public record StoredSession(
      UUID id,
      Instant expiresAt,
      Instant lastSeenAt,
      UUID userId,
      String username,
      boolean owner,
      boolean userActive) {}

  public void insert(UUID id, UUID userId, String tokenHash, Instant expiresAt) {
    Jdbc.update(dataSource, INSERT, id, userId, tokenHash, expiresAt);
  }

  public Optional<StoredSession> findByTokenHash(String tokenHash) {
    return Jdbc.queryOne(
        dataSource,
        FIND,
        row ->
            new StoredSession(
                row.getObject("id", UUID.class),
                Jdbc.instant(row, "expires_at"),
                Jdbc.instant(row, "last_seen_at"),
                row.getObject("user_id", UUID.class),
                row.getString("username"),
                "owner".equals(row.getString("instance_role")),
                row.getBoolean("is_active")),
        tokenHash);
  }

  public void touch(UUID id) {
    Jdbc.update(dataSource, TOUCH, id);
  }

  public void delete(UUID id) {
    Jdbc.update(dataSource, "DELETE FROM sessions WHERE id = ?", id);
  }

  public void deleteForUser(UUID userId) {
    Jdbc.update(dataSource, "DELETE FROM sessions WHERE user_id = ?", userId);
  }
}
