/**
 * Execution logs: one row per script run with its status, captured log lines, redacted request and
 * capped response. Runs hand rows to {@code ExecutionLogWriter}, which batches them off the request
 * path; the admin API reads them back. It never decides anything about a run.
 */
package dev.picloud.logs;
