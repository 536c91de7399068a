/**
 * The outbox's storage core: every SQL statement on {@code outbox}, {@code dead_letters} writes
 * from a failed run and {@code abandoned_executions}, plus the pure retry arithmetic. The
 * dispatcher claims, runs and settles through these stores; they decide nothing about a run and
 * never begin or commit a transaction, so each statement joins the caller's JTA transaction.
 */
package dev.picloud.outbox.control;
