/**
 * Triggers: subscriptions that run a script when KV data changes or a dead letter appears. Owns the
 * triggers admin API, the matching of changes to triggers (in Java: collection glob and ops) and
 * the fan-out of one outbox row per match, written in the transaction of the change itself.
 */
package dev.picloud.triggers;
