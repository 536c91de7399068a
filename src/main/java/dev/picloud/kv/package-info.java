/**
 * The key-value store of SPEC 6.4: the {@code kv} SDK module, a run's buffered writes ({@link
 * dev.picloud.kv.control.KvSession}), their commit in the caller's transaction with the {@link
 * dev.picloud.kv.boundary.KvChanged} event that trigger fan-out observes, and the admin KV API. It
 * never begins a transaction for a script run and holds no database lock while a script runs.
 */
package dev.picloud.kv;
