package dev.picloud.outbox.control;

import static dev.picloud.outbox.control.OutboxSql.ERROR_ENTRY;
import static dev.picloud.outbox.control.OutboxSql.concat;
import static dev.picloud.outbox.control.OutboxSql.errorParams;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Claims that will never be settled by their owner, and sync rows nobody waits for. Expired leases
 * are how crashed, killed or partitioned nodes are detected: there is no node registry, only the
 * database clock. The sweeps use SKIP LOCKED, so rescuers on several nodes share the work and a row
 * whose owner is settling it right now is left to that settle.
 */
@ApplicationScoped
public class OutboxRecovery {
  private static final AttemptError WORKER_LOST =
      new AttemptError(
          "worker_lost", "The lease expired before the run was settled; the node was lost.", null);

  /**
   * Expired leases, oldest first. Async rows go back to the queue, due at once, with a worker_lost
   * entry (the attempt was counted at claim; the dispatcher dead-letters a row that comes back with
   * its attempts used up). Clearing the claim kills the old owner's token: if it is still alive
   * after all, its late settle fails its fence and rolls back. Sync rows are deleted without
   * running: their caller's connection was on the lost node. The CTE runs once (it is
   * materialized), and both branches find its rows by primary key through ARRAY(…), whatever the
   * planner guesses the LIMIT to be. A requeued row's lost node is read back from the entry just
   * appended, as RETURNING sees claimed_by already cleared.
   */
  private static final String RESCUE =
      """
      WITH expired AS MATERIALIZED (
        SELECT id FROM outbox
        WHERE claimed_by IS NOT NULL AND %s
        ORDER BY lease_expires_at
        LIMIT ?
        FOR UPDATE SKIP LOCKED),
      dropped AS (
        DELETE FROM outbox o
        WHERE o.id = ANY (ARRAY(SELECT id FROM expired)) AND o.reply_to IS NOT NULL
        RETURNING o.id, o.app_id, o.execution_id, o.claimed_by AS lost_node, o.attempt_count,
          'DROPPED' AS outcome),
      requeued AS (
        UPDATE outbox o
        SET errors = errors || %s,
          claimed_by = NULL, claimed_at = NULL, lease_expires_at = NULL,
          updated_at = statement_timestamp()
        WHERE o.id = ANY (ARRAY(SELECT id FROM expired)) AND o.reply_to IS NULL
        RETURNING o.id, o.app_id, o.execution_id, o.errors -> -1 ->> 'node', o.attempt_count,
          'REQUEUED')
      SELECT * FROM dropped UNION ALL SELECT * FROM requeued
      """;

  private static final String RESCUE_EXPIRED =
      RESCUE.formatted("lease_expires_at < statement_timestamp()", ERROR_ENTRY);

  /**
   * The same for the claims a node left behind when it died, rescued by the node itself when it
   * starts again under the same PICLOUD_NODE_ID, without waiting for the leases to expire.
   */
  private static final String RESCUE_LEFT_BY = RESCUE.formatted("claimed_by = ?", ERROR_ENTRY);

  /**
   * Unclaimed sync rows older than any caller waits: left by a node that died before claiming them
   * (no lease ever expires for these) or by a caller whose budget ran out first. Found through
   * outbox_sync_idx, which holds sync rows only.
   */
  private static final String DROP_ORPHANED_SYNC =
      """
      DELETE FROM outbox o
      WHERE o.id = ANY (ARRAY(
        SELECT id FROM outbox
        WHERE reply_to IS NOT NULL AND claimed_by IS NULL
          AND created_at < statement_timestamp() - ? * interval '1 millisecond'
        LIMIT ?
        FOR UPDATE SKIP LOCKED))
      RETURNING o.id, o.app_id, o.execution_id, NULL AS lost_node, o.attempt_count,
        'DROPPED' AS outcome
      """;

  /**
   * Graceful shutdown, after this node's runs have ended: its async claims go back to the queue
   * with their attempts uncounted, and every sync row waiting on this node, claimed or not, is
   * deleted (its inbox answers those callers 503). {@code reply_to IS NOT NULL} adds nothing but
   * lets the planner use outbox_sync_idx. Not SKIP LOCKED: it waits for a settle in flight, so
   * nothing of this node's is left behind.
   */
  private static final String RELEASE_ALL =
      """
      WITH dropped AS (
        DELETE FROM outbox WHERE reply_node = ? AND reply_to IS NOT NULL
        RETURNING id),
      released AS (
        UPDATE outbox
        SET claimed_by = NULL, claimed_at = NULL, lease_expires_at = NULL,
          attempt_count = attempt_count - 1, updated_at = statement_timestamp()
        WHERE claimed_by = ? AND reply_node IS NULL
        RETURNING id)
      SELECT (SELECT count(*) FROM released) AS released, (SELECT count(*) FROM dropped) AS dropped
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** What {@link #releaseAllClaimedBy} did. */
  public record Released(int released, int dropped) {}

  /** Recovers up to {@code max} expired leases; call again while it returns {@code max} rows. */
  public List<Rescued> rescueExpired(int max) {
    Object[] params = concat(new Object[] {max}, errorParams(WORKER_LOST));
    return Jdbc.query(dataSource, RESCUE_EXPIRED, OutboxRecovery::rescued, params);
  }

  /** At start-up: recovers what this node's previous life left claimed (it cannot be running). */
  public List<Rescued> rescueLeftBy(String node, int max) {
    Object[] params = concat(new Object[] {node, max}, errorParams(WORKER_LOST));
    return Jdbc.query(dataSource, RESCUE_LEFT_BY, OutboxRecovery::rescued, params);
  }

  /** Deletes up to {@code max} unclaimed sync rows created more than {@code maxWait} ago. */
  public List<Rescued> dropOrphanedSync(Duration maxWait, int max) {
    return Jdbc.query(
        dataSource, DROP_ORPHANED_SYNC, OutboxRecovery::rescued, maxWait.toMillis(), max);
  }

  public Released releaseAllClaimedBy(String node) {
    return Jdbc.queryOne(
            dataSource,
            RELEASE_ALL,
            row -> new Released(row.getInt("released"), row.getInt("dropped")),
            node,
            node)
        .orElseThrow();
  }

  private static Rescued rescued(ResultSet row) throws SQLException {
    return new Rescued(
        row.getObject("id", UUID.class),
        row.getObject("app_id", UUID.class),
        row.getObject("execution_id", UUID.class),
        row.getString("lost_node"),
        row.getInt("attempt_count"),
        Rescued.Outcome.valueOf(row.getString("outcome")));
  }
}
