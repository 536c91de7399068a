/**
 * The script runtime: compiles untrusted JavaScript into instrumented, cached handlers and runs
 * each one in a fresh sandboxed Nashorn global, on a dedicated bounded executor behind an execution
 * gate, under per-run limits, with the SDK modules bound to that run's app. Control-only: callers
 * (direct execution, the dispatcher) use {@code control.ScriptRuntime}; it knows no HTTP, JPA or
 * other feature.
 */
package dev.picloud.runtime;
