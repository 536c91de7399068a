package dev.picloud.auth.control;

import java.util.Optional;
import java.util.UUID;

/**
 * The one authorization decision point. An app the caller cannot see is HIDDEN (answered 404, never
 * revealing that it exists); a visible app or an instance action the caller may not perform is
 * FORBIDDEN (403).
 */
public final class Authorizer {
  /** The outcome of a check. */
  public enum Decision {
    ALLOW,
    FORBIDDEN,
    HIDDEN
  }

  private Authorizer() {}

  /** May the caller see the app at all (list it, address it)? */
  public static boolean canSee(Caller caller, UUID appId, Optional<AppRole> membership) {
    if (caller.appBinding() != null && !caller.appBinding().equals(appId)) {
      return false;
    }
    return caller.owner() || membership.isPresent();
  }

  /** A capability on one app, given the caller's membership in it. */
  public static Decision decide(
      Caller caller, Capability capability, UUID appId, Optional<AppRole> membership) {
    if (!canSee(caller, appId, membership)) {
      return Decision.HIDDEN;
    }
    if (!caller.hasScope(capability.scope())) {
      return Decision.FORBIDDEN;
    }
    if (caller.owner()) {
      return Decision.ALLOW;
    }
    AppRole lowest = capability.lowestRole();
    return lowest != null && membership.get().includes(lowest)
        ? Decision.ALLOW
        : Decision.FORBIDDEN;
  }

  /** A capability that concerns the instance rather than one app (creating apps, users). */
  public static Decision decideInstance(Caller caller, Capability capability) {
    boolean allowed =
        caller.owner() && caller.hasScope(capability.scope()) && caller.appBinding() == null;
    return allowed ? Decision.ALLOW : Decision.FORBIDDEN;
  }
}
