package dev.picloud.runtime.sdk;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a run is for, as the SDK modules need it: every SDK call uses this app id (no script argument
 * can name another app), the principal (absent on public routes, SPEC 3.4) is opaque to the
 * runtime, and {@code services} carries what modules such as {@code kv} will call.
 */
public record SdkContext(
    UUID appId, UUID scriptId, UUID executionId, Optional<Object> principal, Services services) {
  public SdkContext {
    Objects.requireNonNull(appId);
    Objects.requireNonNull(scriptId);
    Objects.requireNonNull(executionId);
    Objects.requireNonNull(principal);
    Objects.requireNonNull(services);
  }

  /** A run without principal and without services. */
  public static SdkContext anonymous(UUID appId, UUID scriptId, UUID executionId) {
    return new SdkContext(appId, scriptId, executionId, Optional.empty(), Services.none());
  }
}
