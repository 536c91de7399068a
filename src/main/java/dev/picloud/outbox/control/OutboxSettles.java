package dev.picloud.outbox.control;

import static dev.picloud.outbox.control.OutboxSql.ERROR_ENTRY;
import static dev.picloud.outbox.control.OutboxSql.FENCE;
import static dev.picloud.outbox.control.OutboxSql.concat;
import static dev.picloud.outbox.control.OutboxSql.errorParams;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The ends of a claim. Each is one statement guarded by the claim's fence and answers whether it
 * took effect: false means this node no longer owns the row (its lease expired and the row was
 * rescued, possibly re-claimed), and whatever the run did must be rolled back, not committed. Run
 * inside the run's JTA transaction, the settle's row lock also holds off a concurrent rescue until
 * the transaction ends (the rescuer skips locked rows).
 */
@ApplicationScoped
public class OutboxSettles {
  /** (Package-private for the plan check in SettlePlanIT.) */
  static final String COMPLETE = "DELETE FROM outbox WHERE " + FENCE;

  /** {@link #COMPLETE} committing without waiting for the WAL flush. (Package-private as above.) */
  static final String COMPLETE_WITHOUT_FLUSH = COMPLETE + " AND " + OutboxSql.COMMIT_WITHOUT_FLUSH;

  /** Back to the queue after a delay, with this attempt's entry appended to the history. */
  private static final String RETRY_LATER =
      """
      UPDATE outbox
      SET errors = errors || %s,
        claimed_by = NULL, claimed_at = NULL, lease_expires_at = NULL,
        next_attempt_at = statement_timestamp() + ? * interval '1 millisecond',
        updated_at = statement_timestamp()
      WHERE %s
      """
          .formatted(ERROR_ENTRY, FENCE);

  /**
   * Dead-letters in one statement: the outbox row is deleted and its dead letter written from what
   * the DELETE returned, so neither can happen without the other and the fence covers both. The
   * source is the row's own source kind (the CHECK on dead_letters.source refuses dead-letter
   * handler rows, which must never dead-letter). first_attempt_at is the start of the first
   * attempt: the first history entry's, or this claim's when there is none.
   */
  private static final String DEAD_LETTER =
      """
      WITH gone AS (
        DELETE FROM outbox WHERE %s RETURNING *)
      INSERT INTO dead_letters (app_id, original_event_id, source, op, trigger_id, script_id,
        payload, attempt_count, first_attempt_at, last_attempt_at, last_error, errors,
        execution_id, root_execution_id)
      SELECT app_id, id, source_kind, ?, trigger_id, script_id, payload, attempt_count,
        COALESCE((errors -> 0 ->> 'started_at')::timestamptz, claimed_at), claimed_at, ?,
        errors || %s, execution_id, root_execution_id
      FROM gone
      RETURNING id, attempt_count, first_attempt_at, last_attempt_at, last_error, payload::text
      """
          .formatted(FENCE, ERROR_ENTRY);

  /**
   * Gives back a claim whose run never started: unclaimed, due as before, and the attempt counted
   * at claim time taken back (the row did not fail; this node could not run it).
   */
  private static final String RELEASE =
      """
      UPDATE outbox
      SET claimed_by = NULL, claimed_at = NULL, lease_expires_at = NULL,
        attempt_count = attempt_count - 1, updated_at = statement_timestamp()
      WHERE %s
      """
          .formatted(FENCE);

  /** A run longer than the claim's lease: the lease grows before the run starts. */
  private static final String EXTEND_LEASE =
      """
      UPDATE outbox
      SET lease_expires_at = statement_timestamp() + ? * interval '1 millisecond',
        updated_at = statement_timestamp()
      WHERE %s
      """
          .formatted(FENCE);

  /**
   * A dead-letter handler failed (or could not run): the dead letter says so but stays unresolved,
   * still counted, so the failure cannot hide it.
   */
  private static final String HANDLER_FAILED =
      """
      UPDATE dead_letters SET resolution = 'handler_failed', updated_at = statement_timestamp()
      WHERE id = ? AND resolved_at IS NULL
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** The run succeeded: the row is deleted. */
  public boolean complete(Claim claim) {
    return Jdbc.update(dataSource, COMPLETE, fence(claim)) == 1;
  }

  /**
   * Completes several claims in one round trip (rows whose runs wrote nothing): for each claim, in
   * order, whether its fence held and the row is gone. A JDBC batch of {@link #COMPLETE}, not one
   * statement joining the claims: between two autovacuums the table's statistics may count a few
   * rows in pages full of settled ones, and the join's generic plan then scans those pages for
   * every batch, while a single-row delete still probes the primary key (SettlePlanIT). Without
   * {@code flush} the commit does not wait for the WAL to reach the disk: for deletes a database
   * crash may lose at no cost ({@link OutboxSql#COMMIT_WITHOUT_FLUSH}).
   */
  public List<Boolean> completeAll(List<Claim> claims, boolean flush) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(flush ? COMPLETE : COMPLETE_WITHOUT_FLUSH)) {
      for (Claim claim : claims) {
        Jdbc.bind(delete, fence(claim));
        delete.addBatch();
      }
      return Arrays.stream(delete.executeBatch()).mapToObj(count -> count == 1).toList();
    } catch (SQLException e) {
      throw new Jdbc.DataAccessException(e);
    }
  }

  /** The attempt failed: the row is due again {@code delay} from now (database clock). */
  public boolean retryLater(Claim claim, Duration delay, AttemptError error) {
    Object[] params = concat(errorParams(error), new Object[] {delay.toMillis()}, fence(claim));
    return Jdbc.update(dataSource, RETRY_LATER, params) == 1;
  }

  /**
   * The last attempt failed: the row becomes a dead letter with {@code op} (the HTTP method for
   * http rows, the event's op otherwise) and its whole history plus this attempt's entry. Returns
   * the dead letter's id, or empty when the fence no longer holds (nothing changed).
   */
  public Optional<DeadLettered> deadLetter(Claim claim, String op, AttemptError error) {
    Object[] params = concat(fence(claim), new Object[] {op, error.message()}, errorParams(error));
    return Jdbc.queryOne(dataSource, DEAD_LETTER, OutboxSettles::deadLettered, params);
  }

  /** What a new dead letter holds, for the dead-letter triggers it fires. */
  public record DeadLettered(
      UUID id,
      int attemptCount,
      Instant firstAttemptAt,
      Instant lastAttemptAt,
      String lastError,
      String payloadJson) {}

  private static DeadLettered deadLettered(ResultSet row) throws SQLException {
    return new DeadLettered(
        row.getObject("id", UUID.class),
        row.getInt("attempt_count"),
        Jdbc.instant(row, "first_attempt_at"),
        Jdbc.instant(row, "last_attempt_at"),
        row.getString("last_error"),
        row.getString("payload"));
  }

  /** The lease now ends {@code lease} from now (database clock); false if the claim is lost. */
  public boolean extendLease(Claim claim, Duration lease) {
    Object[] params = concat(new Object[] {lease.toMillis()}, fence(claim));
    return Jdbc.update(dataSource, EXTEND_LEASE, params) == 1;
  }

  public void markHandlerFailed(UUID deadLetterId) {
    Jdbc.update(dataSource, HANDLER_FAILED, deadLetterId);
  }

  /** The run never started (gate full, node stopping): the row is due again, attempt uncounted. */
  public boolean release(Claim claim) {
    return Jdbc.update(dataSource, RELEASE, fence(claim)) == 1;
  }

  private static Object[] fence(Claim claim) {
    return new Object[] {claim.rowId(), claim.epoch(), claim.node()};
  }
}
