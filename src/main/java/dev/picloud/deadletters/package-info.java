/**
 * Dead letters: async events whose retries ran out, as admins see and settle them. Lists, counts,
 * detail, replay (a fresh outbox row, resolved in the same transaction) and resolve, one by one or
 * in bulk by filter, over the admin API and for the script SDK. Writing a dead letter is the
 * outbox's job; this feature never runs a script.
 */
package dev.picloud.deadletters;
