/**
 * Scripts (an app's JavaScript handlers) and running them directly: the scripts admin API, which
 * refuses source that does not compile, and {@code POST /api/v1/execute/{scriptId}}. Sandboxing and
 * limits belong to {@code runtime}; storing what happened to {@code logs}.
 */
package dev.picloud.scripts;
