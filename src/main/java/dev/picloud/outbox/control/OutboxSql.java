package dev.picloud.outbox.control;

import java.util.Arrays;

/**
 * SQL fragments the outbox stores share, so a claim and its history read the same everywhere.
 *
 * <p>Every time the stores write or compare comes from {@code statement_timestamp()}: the database
 * clock, one clock for all nodes, and the time of the statement even inside a long JTA transaction
 * ({@code now()} is the transaction's start: a retry settled after a 60 s run would be due at once,
 * and a lease would be shorter than asked).
 */
final class OutboxSql {
  /** The claimed row as the dispatcher needs it; the error history stays in the table. */
  static final String CLAIMED_COLUMNS =
      """
      o.id, o.app_id, o.source_kind, o.trigger_id, o.script_id, o.reply_to, o.reply_node,
      o.payload::text AS payload, o.origin_principal::text AS origin_principal, o.trigger_depth,
      o.execution_id, o.root_execution_id, o.attempt_count, o.idempotency_key, o.created_at,
      o.next_attempt_at, o.claimed_by, o.claimed_at, o.lease_expires_at, o.claim_epoch
      """;

  /**
   * A condition that always holds and lets the statement's own transaction commit without waiting
   * for its WAL to reach the disk ({@code synchronous_commit} off for that transaction only; the
   * pooled connection's next transaction is back to the default). For the writes a database crash
   * may lose at no cost but a repeat: a claim (its row is due again, the attempt uncounted, and the
   * run's fenced settle cannot commit without it), a sync row (its caller is answered from memory,
   * and nobody else ever runs it) and the delete of a sync row whose caller was answered (a row it
   * leaves behind expires and the rescuer deletes it unrun). Any later durable commit flushes them
   * too. An init plan, so it runs once, before any row.
   */
  static final String COMMIT_WITHOUT_FLUSH =
      "(SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL";

  /**
   * Guard of every settle: the row is still claimed by this node under this claim's epoch. After a
   * rescue claimed_by is NULL; after a re-claim the epoch moved on; either way nothing matches.
   * Binds id, epoch, node.
   */
  static final String FENCE = "id = ? AND claim_epoch = ? AND claimed_by = ?";

  /**
   * A one-element array holding the history entry of the attempt the row is in, built from the
   * row's own columns (in an UPDATE's SET these are the values before the update). Binds code,
   * error, status. Times are UTC text: to_json would print them in the session's time zone.
   */
  static final String ERROR_ENTRY =
      """
      jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
        'attempt', attempt_count, 'at', %s, 'started_at', %s, 'node', claimed_by,
        'code', ?::text, 'error', ?::text, 'status', ?::int)))"""
          .formatted(utcText("statement_timestamp()"), utcText("claimed_at"));

  private OutboxSql() {}

  private static String utcText(String timestamp) {
    return "to_char(" + timestamp + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
  }

  /** The bind values of {@link #ERROR_ENTRY}. */
  static Object[] errorParams(AttemptError error) {
    return new Object[] {error.code(), error.message(), error.status()};
  }

  /** Bind values of a statement's parts, in the order its placeholders appear. */
  static Object[] concat(Object[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
  }
}
