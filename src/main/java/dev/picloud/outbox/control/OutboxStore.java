package dev.picloud.outbox.control;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.scripts.control.ScriptStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Rows in and out of the queue outside a claim: enqueue, claim, and the two ways an unclaimed row
 * leaves without running. Claimed rows are settled by {@link OutboxSettles}; lost claims are
 * recovered by {@link OutboxRecovery}.
 */
@ApplicationScoped
public class OutboxStore {
  /** next_attempt_at defaults to now(): a new row is due at once. */
  private static final String INSERT =
      """
      INSERT INTO outbox (id, app_id, source_kind, trigger_id, script_id, reply_to, reply_node,
        payload, origin_principal, trigger_depth, execution_id, root_execution_id, idempotency_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
      RETURNING created_at
      """;

  /**
   * New rows as a relation {@code r}: the ids, then one array per column, unnested side by side.
   * Text arrays, cast here, because they carry NULLs faithfully.
   */
  private static final String UNNESTED_ROWS =
      """
      unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[],
          ?::text[], ?::text[], ?::int[], ?::uuid[], ?::uuid[], ?::text[])
        AS r(id, app_id, source_kind, trigger_id, script_id, reply_to, reply_node, payload,
          origin_principal, trigger_depth, execution_id, root_execution_id, idempotency_key)""";

  /** A whole fan-out in one statement: atomic, and one round trip whatever its size. */
  private static final String INSERT_ALL =
      """
      INSERT INTO outbox (id, app_id, source_kind, trigger_id, script_id, reply_to, reply_node,
        payload, origin_principal, trigger_depth, execution_id, root_execution_id, idempotency_key)
      SELECT id, app_id, source_kind, trigger_id, script_id, reply_to, reply_node, payload::jsonb,
        origin_principal::jsonb, trigger_depth, execution_id, root_execution_id, idempotency_key
      FROM %s
      RETURNING id, created_at
      """
          .formatted(UNNESTED_ROWS);

  /**
   * Sync rows written already claimed by their reply node under epoch 1, attempt 1 (binds the lease
   * in milliseconds first): only that node may run them, so nobody else could claim them, and the
   * claim a dispatcher would make next is made here. The columns are those a claim would set, then
   * the row's script, read by the same statement: the dispatcher would read it next.
   */
  private static final String INSERT_CLAIMED =
      """
      WITH written AS (
        INSERT INTO outbox AS o (id, app_id, source_kind, trigger_id, script_id, reply_to,
          reply_node, payload, origin_principal, trigger_depth, execution_id, root_execution_id,
          idempotency_key, claimed_by, claimed_at, lease_expires_at, claim_epoch, attempt_count)
        SELECT id, app_id, source_kind, trigger_id, script_id, reply_to, reply_node,
          payload::jsonb, origin_principal::jsonb, trigger_depth, execution_id, root_execution_id,
          idempotency_key, reply_node, statement_timestamp(), statement_timestamp() + lease, 1, 1
        FROM (SELECT ? * interval '1 millisecond' AS lease) l, %s
        WHERE %s
        RETURNING %s)
      SELECT written.*, %s
      FROM written LEFT JOIN scripts s ON s.id = written.script_id AND s.app_id = written.app_id
        LEFT JOIN apps a ON a.id = s.app_id
      """
          .formatted(
              UNNESTED_ROWS,
              OutboxSql.COMMIT_WITHOUT_FLUSH,
              OutboxSql.CLAIMED_COLUMNS,
              ScriptStore.RUNNABLE_COLUMNS);

  /**
   * Claims a batch in one statement. FOR UPDATE SKIP LOCKED lets concurrent claimers pass over rows
   * another claimer is locking instead of queueing behind it; a row another node claimed and
   * committed after this statement's snapshot is re-checked under the lock, fails {@code claimed_by
   * IS NULL} and is left out. The sub-select sits in ARRAY(…), an init plan that runs exactly once,
   * so its LIMIT bounds the UPDATE (a plain {@code IN (sub-select)} may be re-run, by a rescan or a
   * READ COMMITTED recheck, and claim beyond it), and the UPDATE then finds its rows by primary key
   * whatever the planner guesses the LIMIT to be. Sync rows are claimed only by the node whose
   * inbox waits for them. The attempt is counted here, so a node that dies mid-run has used it;
   * claim_epoch moves on, which kills every older token for the row. The claim does not wait for
   * the WAL flush ({@link OutboxSql#COMMIT_WITHOUT_FLUSH}). Each row comes with its script and app,
   * by outer join, as a sync row's insert does ({@link #INSERT_CLAIMED}): the dispatcher's next
   * round trip, which read them, cost a row claimed alone a fifth of the dispatcher thread's CPU at
   * 200 rows/s (issue 4). (Package-private for the plan check in ClaimPlanIT.)
   */
  static final String CLAIM =
      """
      WITH claimed AS (
        UPDATE outbox o
        SET claimed_by = ?, claimed_at = statement_timestamp(),
          lease_expires_at = statement_timestamp() + ? * interval '1 millisecond',
          claim_epoch = o.claim_epoch + 1, attempt_count = o.attempt_count + 1,
          updated_at = statement_timestamp()
        WHERE %s AND o.id = ANY (ARRAY(
          SELECT id FROM outbox
          WHERE claimed_by IS NULL AND next_attempt_at <= statement_timestamp()
            AND (reply_node IS NULL OR reply_node = ?)
          ORDER BY next_attempt_at
          LIMIT ?
          FOR UPDATE SKIP LOCKED))
        RETURNING %s)
      SELECT claimed.*, %s
      FROM claimed LEFT JOIN scripts s ON s.id = claimed.script_id AND s.app_id = claimed.app_id
        LEFT JOIN apps a ON a.id = s.app_id"""
          .formatted(
              OutboxSql.COMMIT_WITHOUT_FLUSH,
              OutboxSql.CLAIMED_COLUMNS,
              ScriptStore.RUNNABLE_COLUMNS);

  /**
   * SKIP_LOCKED: while another vacuum (autovacuum, another node's) holds the table, this one does
   * nothing rather than wait. INDEX_CLEANUP ON: the dead index entries are what claims walk past,
   * and a vacuum that finds few dead rows would otherwise leave the indexes alone.
   */
  private static final String VACUUM = "VACUUM (INDEX_CLEANUP ON, SKIP_LOCKED) outbox";

  /**
   * The rows the planner believes the outbox holds (-1: never counted) and the live rows the
   * statistics system counts as inserts and deletes commit.
   */
  private static final String ROW_COUNTS =
      "SELECT reltuples, pg_stat_get_live_tuples(oid) FROM pg_class WHERE oid = 'outbox'::regclass";

  /** Only the table's owner (or a member of the owning role, or a superuser) may vacuum it. */
  private static final String MAY_VACUUM =
      "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = 'outbox'::regclass";

  /** The warning of a vacuum that skipped the table because another one holds it. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  /** A deleted or disabled trigger's pending events; claimed ones finish their current attempt. */
  private static final String DROP_FOR_TRIGGER =
      "DELETE FROM outbox WHERE trigger_id = ? AND claimed_by IS NULL";

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** What {@link #insert} wrote: the row id and its creation time (database clock). */
  public record Inserted(UUID id, Instant createdAt) {}

  public Inserted insert(NewOutboxRow row) {
    UUID id = UUID.randomUUID();
    Object[] params = {
      id,
      row.appId(),
      row.sourceKind().wire(),
      row.triggerId(),
      row.scriptId(),
      row.replyTo(),
      row.replyNode(),
      row.payloadJson(),
      row.originPrincipalJson(),
      row.triggerDepth(),
      row.executionId(),
      row.rootExecutionId(),
      row.idempotencyKey()
    };
    Instant createdAt =
        Jdbc.queryOne(dataSource, INSERT, r -> Jdbc.instant(r, "created_at"), params).orElseThrow();
    return new Inserted(id, createdAt);
  }

  /** Enqueues every row in one statement; returns what was written, in the order given. */
  public List<Inserted> insertAll(List<NewOutboxRow> rows) {
    return insertUnnested(
        INSERT_ALL,
        List.of(),
        rows,
        r -> new Inserted(r.getObject("id", UUID.class), Jdbc.instant(r, "created_at")),
        Inserted::id);
  }

  /**
   * Enqueues sync rows in one statement, each claimed by its reply node for {@code lease}; returns
   * the claims with their scripts, in the order given.
   *
   * @throws IllegalArgumentException for an async row, which any node may claim
   */
  public List<RunnableRow> insertClaimed(List<NewOutboxRow> rows, Duration lease) {
    if (rows.stream().anyMatch(row -> !row.sync())) {
      throw new IllegalArgumentException("only sync rows are written claimed");
    }
    return insertUnnested(
        INSERT_CLAIMED,
        List.of(lease.toMillis()),
        rows,
        RunnableRow::read,
        handedOver -> handedOver.row().id());
  }

  /**
   * Runs an insert of {@link #UNNESTED_ROWS}, after {@code leading} binds, and answers for each row
   * in the order given (RETURNING has no order of its own), matched by the id it was given.
   */
  private <R> List<R> insertUnnested(
      String sql,
      List<Object> leading,
      List<NewOutboxRow> rows,
      Jdbc.RowMapper<R> read,
      Function<R, UUID> idOf) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(r -> UUID.randomUUID()).toList();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < leading.size(); i++) {
        insert.setObject(i + 1, leading.get(i));
      }
      bindRows(connection, insert, leading.size() + 1, ids, rows);
      Map<UUID, R> written = new HashMap<>();
      try (ResultSet row = insert.executeQuery()) {
        while (row.next()) {
          R answer = read.map(row);
          written.put(idOf.apply(answer), answer);
        }
      }
      return ids.stream().map(written::get).toList();
    } catch (SQLException e) {
      throw new Jdbc.DataAccessException(e);
    }
  }

  /** Binds the ids and then one array per column of {@link #UNNESTED_ROWS}, from {@code first}. */
  private static void bindRows(
      Connection connection,
      PreparedStatement insert,
      int first,
      List<UUID> ids,
      List<NewOutboxRow> rows)
      throws SQLException {
    List<Function<NewOutboxRow, Object>> columns =
        List.of(
            NewOutboxRow::appId,
            r -> r.sourceKind().wire(),
            NewOutboxRow::triggerId,
            NewOutboxRow::scriptId,
            NewOutboxRow::replyTo,
            NewOutboxRow::replyNode,
            NewOutboxRow::payloadJson,
            NewOutboxRow::originPrincipalJson,
            NewOutboxRow::triggerDepth,
            NewOutboxRow::executionId,
            NewOutboxRow::rootExecutionId,
            NewOutboxRow::idempotencyKey);
    insert.setArray(first, textArray(connection, ids));
    for (int i = 0; i < columns.size(); i++) {
      insert.setArray(
          first + i + 1, textArray(connection, rows.stream().map(columns.get(i)).toList()));
    }
  }

  /**
   * Claims up to {@code max} due rows for {@code node}, leased for {@code lease} on the database
   * clock, oldest due first. Rows locked by a concurrent claimer are skipped, not waited for.
   */
  public List<RunnableRow> claim(String node, int max, Duration lease) {
    return Jdbc.query(dataSource, CLAIM, RunnableRow::read, node, lease.toMillis(), node, max);
  }

  /** Deletes the trigger's rows that are not claimed; returns how many. */
  public int dropUnclaimedForTrigger(UUID triggerId) {
    return Jdbc.update(dataSource, DROP_FOR_TRIGGER, triggerId);
  }

  /** Whether this connection's user may vacuum the outbox ({@link #vacuum} does nothing if not). */
  public boolean mayVacuum() {
    return Jdbc.queryOne(dataSource, MAY_VACUUM, row -> row.getBoolean(1)).orElse(false);
  }

  /**
   * Removes the dead versions settled and claimed rows leave in the table and its indexes, now
   * rather than at the next autovacuum, and counts the table's rows again for the planner. Must not
   * be called inside a transaction. Returns the database's warnings, but for the one that says
   * another vacuum held the table.
   */
  public List<String> vacuum() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(VACUUM);
      List<String> warnings = new ArrayList<>();
      for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
        if (!LOCK_NOT_AVAILABLE.equals(w.getSQLState())) {
          warnings.add(w.getMessage());
        }
      }
      return warnings;
    } catch (SQLException e) {
      throw new Jdbc.DataAccessException(e);
    }
  }

  /** What the planner believes the outbox holds against what it holds. */
  public OutboxRowCounts rowCounts() {
    return Jdbc.queryOne(
            dataSource, ROW_COUNTS, row -> new OutboxRowCounts(row.getDouble(1), row.getLong(2)))
        .orElseThrow(() -> new IllegalStateException("the outbox table is missing"));
  }

  private static Array textArray(Connection connection, List<?> values) throws SQLException {
    return connection.createArrayOf(
        "text", values.stream().map(v -> Objects.toString(v, null)).toArray());
  }
}
