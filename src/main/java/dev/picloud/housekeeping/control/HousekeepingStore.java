package dev.picloud.housekeeping.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes rows past a cutoff, at most {@code limit} per statement, each table through an index on
 * the compared column. Returns how many went; a short batch means the table is done.
 */
@ApplicationScoped
public class HousekeepingStore {
  /**
   * One batch. The rows are picked with FOR UPDATE SKIP LOCKED, so nodes sweeping at once take
   * disjoint rows instead of waiting on each other, and a row a live transaction holds (a dead
   * letter being replayed) is left for the next sweep. The pick sits in ARRAY(…), an init plan that
   * runs exactly once, so its LIMIT bounds the DELETE. Rows are named by ctid (a TID scan, and
   * idempotency_keys has no id column): the pick has locked them, so they cannot move before the
   * DELETE in the same statement reaches them. Binds the cutoff, then the limit.
   */
  private static final String DELETE_BEFORE =
      """
      DELETE FROM %1$s
      WHERE ctid = ANY (ARRAY(
        SELECT ctid FROM %1$s
        WHERE %2$s < ?
        LIMIT ?
        FOR UPDATE SKIP LOCKED))
      """;

  private static final String DEAD_LETTERS = DELETE_BEFORE.formatted("dead_letters", "created_at");
  private static final String ABANDONED =
      DELETE_BEFORE.formatted("abandoned_executions", "created_at");
  private static final String EXECUTION_LOGS =
      DELETE_BEFORE.formatted("execution_logs", "created_at");
  private static final String SESSIONS = DELETE_BEFORE.formatted("sessions", "expires_at");
  private static final String IDEMPOTENCY_KEYS =
      DELETE_BEFORE.formatted("idempotency_keys", "created_at");

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** Dead letters created before the cutoff, resolved or not. */
  public int deleteDeadLetters(Instant createdBefore, int limit) {
    return Jdbc.update(dataSource, DEAD_LETTERS, createdBefore, limit);
  }

  public int deleteAbandonedExecutions(Instant createdBefore, int limit) {
    return Jdbc.update(dataSource, ABANDONED, createdBefore, limit);
  }

  public int deleteExecutionLogs(Instant createdBefore, int limit) {
    return Jdbc.update(dataSource, EXECUTION_LOGS, createdBefore, limit);
  }

  /** Sessions that expired before {@code now}. */
  public int deleteExpiredSessions(Instant now, int limit) {
    return Jdbc.update(dataSource, SESSIONS, now, limit);
  }

  public int deleteIdempotencyKeys(Instant createdBefore, int limit) {
    return Jdbc.update(dataSource, IDEMPOTENCY_KEYS, createdBefore, limit);
  }
}
