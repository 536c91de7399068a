package dev.picloud.auth.control;

import java.util.Optional;

/** The seven API key scopes (SPEC 3.2). */
public enum Scope {
  INSTANCE_ADMIN("instance:admin"),
  SCRIPT_READ("script:read"),
  SCRIPT_WRITE("script:write"),
  ROUTE_WRITE("route:write"),
  DOMAIN_MANAGE("domain:manage"),
  APP_ADMIN("app:admin"),
  LOG_READ("log:read");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Scope> fromWire(String value) {
    for (Scope scope : values()) {
      if (scope.wire.equals(value)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
