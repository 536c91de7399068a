package dev.picloud.runtime.control;

import dev.picloud.runtime.sdk.SdkContext;
import java.util.Objects;

/**
 * One run: the compiled script, its limits (clamped again by the instance ceilings), the data of
 * its {@code ctx} and what the SDK modules need for this run (app, principal, services).
 */
public record RunRequest(CompiledHandler script, Limits limits, ScriptCtx ctx, SdkContext sdk) {
  public RunRequest {
    Objects.requireNonNull(script);
    Objects.requireNonNull(limits);
    Objects.requireNonNull(ctx);
    Objects.requireNonNull(sdk);
  }
}
