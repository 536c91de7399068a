package dev.picloud.auth.control;

import java.util.Optional;

/** App roles form a chain: each includes the ones before it. */
public enum AppRole {
  VIEWER,
  EDITOR,
  APP_ADMIN;

  public boolean includes(AppRole other) {
    return compareTo(other) >= 0;
  }

  public String wire() {
    return name().toLowerCase();
  }

  public static Optional<AppRole> fromWire(String value) {
    for (AppRole role : values()) {
      if (role.wire().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
