package dev.picloud.kv.control;

import dev.picloud.auth.control.AppRole;
import dev.picloud.auth.control.Authorizer;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Script-as-gate (SPEC 3.4): without a principal (a public route) the script itself is the gate and
 * nothing is checked; with one (a trigger run as its registering user, a direct run) reads need
 * {@link Capability#READ_APP} and writes {@link Capability#WRITE_SCRIPTS} on the session's app,
 * decided by {@link Authorizer} with the principal's membership as it is when the run first needs
 * the capability (an allowed capability is not checked again within the run).
 */
final class KvGate {
  private final UUID appId;
  private final Optional<Caller> principal;
  private final KvStore store;
  private final Set<Capability> allowed = EnumSet.noneOf(Capability.class);

  KvGate(UUID appId, Optional<Caller> principal, KvStore store) {
    this.appId = appId;
    this.principal = principal;
    this.store = store;
  }

  void require(Capability capability) {
    if (principal.isEmpty() || allowed.contains(capability)) {
      return;
    }
    Caller caller = principal.get();
    Optional<AppRole> membership = store.role(appId, caller.userId());
    if (Authorizer.decide(caller, capability, appId, membership) != Authorizer.Decision.ALLOW) {
      throw new KvException(
          "forbidden",
          "the run's principal may not "
              + (capability == Capability.READ_APP ? "read" : "write")
              + " this app's key-value data");
    }
    allowed.add(capability);
  }
}
