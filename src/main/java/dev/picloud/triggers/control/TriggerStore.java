package dev.picloud.triggers.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Triggers and their kind-specific details. Every method joins the caller's transaction; matching
 * happens in Java on what {@link #enabled} returns (an empty ops array means any op, which a SQL
 * {@code = ANY(ops)} would get wrong).
 */
@ApplicationScoped
public class TriggerStore {
  private static final String SELECT =
      """
      SELECT t.id, t.app_id, t.script_id, t.kind, t.enabled, t.retry_max_attempts, t.retry_backoff,
        t.retry_base_ms, t.registered_by, t.created_at, t.updated_at,
        COALESCE(k.collection_glob, d.collection_glob) AS glob, COALESCE(k.ops, d.ops) AS ops,
        l.source_filter, l.trigger_id_filter, l.script_id_filter
      FROM triggers t
      LEFT JOIN kv_trigger_details k ON k.trigger_id = t.id
      LEFT JOIN docs_trigger_details d ON d.trigger_id = t.id
      LEFT JOIN dead_letter_trigger_details l ON l.trigger_id = t.id
      """;

  private static final String INSERT =
      """
      INSERT INTO triggers (id, app_id, script_id, kind, enabled, retry_max_attempts, retry_backoff,
        retry_base_ms, registered_by)
      VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?)
      """;

  private static final String UPDATE =
      """
      UPDATE triggers SET enabled = ?, retry_max_attempts = ?, retry_backoff = ?, retry_base_ms = ?,
        updated_at = now()
      WHERE id = ? AND app_id = ?
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A new trigger with its details; returns the stored trigger. */
  public Trigger insert(Trigger trigger) {
    Jdbc.update(
        dataSource,
        INSERT,
        trigger.id(),
        trigger.appId(),
        trigger.scriptId(),
        trigger.kind().wire(),
        trigger.retryMaxAttempts(),
        trigger.retryBackoff(),
        trigger.retryBaseMs(),
        trigger.registeredBy());
    switch (trigger.kind()) {
      case KV, DOCS ->
          Jdbc.update(
              dataSource,
              "INSERT INTO "
                  + trigger.kind().wire()
                  + "_trigger_details (trigger_id, collection_glob, ops)"
                  + " VALUES (?, ?, ?)",
              trigger.id(),
              trigger.glob().pattern(),
              List.copyOf(trigger.ops().ops()));
      case DEAD_LETTER ->
          Jdbc.update(
              dataSource,
              "INSERT INTO dead_letter_trigger_details (trigger_id, source_filter, trigger_id_filter,"
                  + " script_id_filter) VALUES (?, ?, ?, ?)",
              trigger.id(),
              trigger.sourceFilter(),
              trigger.triggerIdFilter(),
              trigger.scriptIdFilter());
    }
    return find(trigger.appId(), trigger.id()).orElseThrow();
  }

  public List<Trigger> forApp(UUID appId) {
    return Jdbc.query(
        dataSource,
        SELECT + " WHERE t.app_id = ? ORDER BY t.created_at, t.id",
        TriggerStore::read,
        appId);
  }

  /** The app's enabled triggers of one kind: what a change is matched against. */
  public List<Trigger> enabled(UUID appId, TriggerKind kind) {
    return Jdbc.query(
        dataSource,
        SELECT + " WHERE t.app_id = ? AND t.kind = ? AND t.enabled",
        TriggerStore::read,
        appId,
        kind.wire());
  }

  public Optional<Trigger> find(UUID appId, UUID id) {
    return Jdbc.queryOne(
        dataSource, SELECT + " WHERE t.app_id = ? AND t.id = ?", TriggerStore::read, appId, id);
  }

  public void update(Trigger trigger) {
    Jdbc.update(
        dataSource,
        UPDATE,
        trigger.enabled(),
        trigger.retryMaxAttempts(),
        trigger.retryBackoff(),
        trigger.retryBaseMs(),
        trigger.id(),
        trigger.appId());
  }

  public void delete(UUID appId, UUID id) {
    Jdbc.update(dataSource, "DELETE FROM triggers WHERE id = ? AND app_id = ?", id, appId);
  }

  private static Trigger read(ResultSet row) throws SQLException {
    String glob = row.getString("glob");
    return new Trigger(
        row.getObject("id", UUID.class),
        row.getObject("app_id", UUID.class),
        row.getObject("script_id", UUID.class),
        TriggerKind.fromWire(row.getString("kind")),
        row.getBoolean("enabled"),
        row.getInt("retry_max_attempts"),
        row.getString("retry_backoff"),
        row.getLong("retry_base_ms"),
        row.getObject("registered_by", UUID.class),
        glob == null ? null : new CollectionGlob(glob),
        glob == null ? null : DataOps.of(Jdbc.textArray(row, "ops")),
        row.getString("source_filter"),
        row.getObject("trigger_id_filter", UUID.class),
        row.getObject("script_id_filter", UUID.class),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }
}
