package dev.picloud.routes.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Idempotency keys of async routes, kept 24 hours. The key row is written in the same transaction
 * as the outbox row it names, so a key never points at an execution that was not enqueued.
 */
@ApplicationScoped
public class IdempotencyStore {
  private static final String FIND =
      """
      SELECT execution_id, accepted_at FROM idempotency_keys
      WHERE app_id = ? AND route_id = ? AND key = ? AND created_at > now() - interval '24 hours'
      """;

  /**
   * Claims the key for this execution. A concurrent request with the same key waits on the primary
   * key until the first commits, then conflicts and claims nothing; an expired key is taken over.
   */
  private static final String CLAIM =
      """
      INSERT INTO idempotency_keys (app_id, route_id, key, execution_id, accepted_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (app_id, route_id, key) DO UPDATE
        SET execution_id = EXCLUDED.execution_id, accepted_at = EXCLUDED.accepted_at,
            created_at = now(), updated_at = now()
        WHERE idempotency_keys.created_at <= now() - interval '24 hours'
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** The first acceptance under a key. */
  public record Accepted(UUID executionId, Instant acceptedAt) {}

  public Optional<Accepted> find(UUID appId, UUID routeId, String key) {
    return Jdbc.queryOne(
        dataSource,
        FIND,
        row -> new Accepted(row.getObject(1, UUID.class), Jdbc.instant(row, "accepted_at")),
        appId,
        routeId,
        key);
  }

  /** True when this execution now owns the key; false when another request holds it. */
  public boolean claim(UUID appId, UUID routeId, String key, Accepted accepted) {
    return Jdbc.update(
            dataSource, CLAIM, appId, routeId, key, accepted.executionId(), accepted.acceptedAt())
        == 1;
  }
}
