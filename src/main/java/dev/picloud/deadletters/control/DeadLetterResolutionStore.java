package dev.picloud.deadletters.control;

import dev.picloud.deadletters.control.DeadLetterStore.Selection;
import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Replays and resolutions. Each is one statement over a selection of unresolved rows, so a row is
 * resolved exactly once: the rows are picked oldest first with FOR UPDATE SKIP LOCKED (concurrent
 * bulk actions, or nodes, share the work instead of queueing behind each other's locks, and a row
 * resolved meanwhile fails the re-check of {@code resolved_at IS NULL} under the lock). Statements
 * join the caller's JTA transaction; they never commit.
 */
@ApplicationScoped
public class DeadLetterResolutionStore {
  /**
   * Waits for whoever holds the row (a concurrent replay or resolve) so that the answer — absent,
   * resolved or not — holds until this transaction ends.
   */
  private static final String LOCK =
      """
      SELECT resolved_at IS NOT NULL AS resolved FROM dead_letters
      WHERE app_id = ? AND id = ?
      FOR UPDATE
      """;

  /**
   * Marks the picked rows replayed and enqueues each again in the same statement, so neither
   * happens without the other: a fresh async row (attempt 0, depth 0, due now) with the dead
   * letter's trigger, script, payload and source as its source kind, and a new execution id that is
   * its own root. MATERIALIZED evaluates the pick (and its generated ids) exactly once. Binds the
   * selection, the batch size, then the origin principal (JSON).
   */
  private static final String REPLAY =
      """
      WITH picked AS MATERIALIZED (
        SELECT id, gen_random_uuid() AS outbox_id, gen_random_uuid() AS execution_id
        FROM dead_letters
        WHERE %s AND resolved_at IS NULL
        ORDER BY created_at, id
        LIMIT ?
        FOR UPDATE SKIP LOCKED),
      replayed AS (
        UPDATE dead_letters d
        SET resolved_at = statement_timestamp(), resolution = 'replayed', resolution_note = NULL,
          replay_execution_id = p.execution_id, updated_at = statement_timestamp()
        FROM picked p
        WHERE d.id = p.id
        RETURNING d.id, d.app_id, d.source, d.trigger_id, d.script_id, d.payload, p.outbox_id,
          p.execution_id)
      INSERT INTO outbox (id, app_id, source_kind, trigger_id, script_id, payload,
        origin_principal, trigger_depth, execution_id, root_execution_id)
      SELECT outbox_id, app_id, source, trigger_id, script_id, payload,
        ?::jsonb || jsonb_build_object('replay_of', id), 0, execution_id, execution_id
      FROM replayed
      RETURNING id, execution_id
      """;

  /** Binds the selection, the batch size, then the resolution and its note. */
  private static final String RESOLVE =
      """
      WITH picked AS MATERIALIZED (
        SELECT id FROM dead_letters
        WHERE %s AND resolved_at IS NULL
        ORDER BY created_at, id
        LIMIT ?
        FOR UPDATE SKIP LOCKED)
      UPDATE dead_letters d
      SET resolved_at = statement_timestamp(), resolution = ?, resolution_note = ?,
        updated_at = statement_timestamp()
      FROM picked p
      WHERE d.id = p.id
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A new outbox row written by a replay. */
  public record Replayed(UUID outboxId, UUID executionId) {}

  /**
   * Locks the app's dead letter {@code id} for this transaction; empty when the app has no such
   * row, else whether it is already resolved.
   */
  public Optional<Boolean> lock(UUID appId, UUID id) {
    return Jdbc.queryOne(dataSource, LOCK, row -> row.getBoolean("resolved"), appId, id);
  }

  /** Replays the unresolved row {@code id} of the app; empty when it is resolved or absent. */
  public Optional<Replayed> replayOne(UUID appId, UUID id, String originPrincipalJson) {
    List<Replayed> replayed = replay(DeadLetterStore.one(appId, id), 1, originPrincipalJson);
    return replayed.stream().findFirst();
  }

  /** Replays up to {@code batch} unresolved rows the filter matches, oldest first. */
  public List<Replayed> replay(
      UUID appId, DeadLetterFilter filter, int batch, String originPrincipalJson) {
    return replay(DeadLetterStore.matching(appId, filter), batch, originPrincipalJson);
  }

  /** Resolves the unresolved row {@code id} of the app; false when it is resolved or absent. */
  public boolean resolveOne(UUID appId, UUID id, ResolutionRequest request) {
    return resolve(DeadLetterStore.one(appId, id), 1, request) == 1;
  }

  /** Resolves up to {@code batch} unresolved rows the filter matches, oldest first. */
  public int resolve(UUID appId, DeadLetterFilter filter, int batch, ResolutionRequest request) {
    return resolve(DeadLetterStore.matching(appId, filter), batch, request);
  }

  private List<Replayed> replay(Selection selection, int batch, String originPrincipalJson) {
    List<Object> params = new ArrayList<>(selection.params());
    params.add(batch);
    params.add(originPrincipalJson);
    return Jdbc.query(
        dataSource,
        REPLAY.formatted(selection.sql()),
        row ->
            new Replayed(
                row.getObject("id", UUID.class), row.getObject("execution_id", UUID.class)),
        params.toArray());
  }

  private int resolve(Selection selection, int batch, ResolutionRequest request) {
    List<Object> params = new ArrayList<>(selection.params());
    params.add(batch);
    params.add(request.reason().wire());
    params.add(request.note());
    return Jdbc.update(dataSource, RESOLVE.formatted(selection.sql()), params.toArray());
  }
}
