/**
 * Housekeeping (SPEC 7.7): deletes dead letters, abandoned executions and execution logs past their
 * retention, expired sessions and idempotency keys older than 24 hours, in bounded batches that
 * several nodes can run at once. Started by an EJB timer; it owns no table and decides nothing else
 * about the rows it removes.
 */
package dev.picloud.housekeeping;
