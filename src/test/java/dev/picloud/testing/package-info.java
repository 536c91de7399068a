/**
 * Starts the real parts PiCloud runs on — an embedded PostgreSQL and the Liberty server built into
 * {@code target/liberty} — for the run command ({@link dev.picloud.testing.DevServer}) and for the
 * integration tests. Never packaged in the WAR.
 */
package dev.picloud.testing;
