--liquibase formatted sql

--changeset picloud:12 splitStatements:false
-- The claim, as a function so that it can carry its own planner settings. A vacuum that found every
-- row settled records an empty outbox (reltuples 0) while the table keeps its pages; when rows pile
-- up again before the next ANALYZE (autovacuum comes at most once a minute), the planner still
-- believes in one row, prices the due index's ordered scan at every page of the table, and reads all
-- due rows and sorts them instead: a claim of 4 rows read 38,000 pages (270 ms) behind a backlog of
-- 136,000, and the drain fell to tens of rows per second until the statistics caught up. With
-- sequential scans, bitmap scans and sorts priced out, the only plan left walks outbox_due_idx in
-- order and stops at the LIMIT, whatever the statistics say; the settings end with the function.
-- PL/pgSQL keeps the plan for the connection, so a claim is not planned again on every call.
CREATE FUNCTION outbox_claim(node_id text, lease_millis bigint, max_rows int)
RETURNS SETOF outbox
LANGUAGE plpgsql
SET enable_seqscan = off
SET enable_bitmapscan = off
SET enable_sort = off
AS $$
BEGIN
  RETURN QUERY
  UPDATE outbox o
  SET claimed_by = node_id, claimed_at = statement_timestamp(),
    lease_expires_at = statement_timestamp() + lease_millis * interval '1 millisecond',
    claim_epoch = o.claim_epoch + 1, attempt_count = o.attempt_count + 1,
    updated_at = statement_timestamp()
  WHERE o.id = ANY (ARRAY(
    SELECT due.id FROM outbox due
    WHERE due.claimed_by IS NULL AND due.next_attempt_at <= statement_timestamp()
      AND (due.reply_node IS NULL OR due.reply_node = node_id)
    ORDER BY due.next_attempt_at
    LIMIT max_rows
    FOR UPDATE SKIP LOCKED))
  RETURNING o.*;
END
$$;
