package dev.picloud.users.entity;

/** An owner holds every capability on every app; a member needs an app role. */
public enum InstanceRole {
  OWNER,
  MEMBER;

  public String wire() {
    return name().toLowerCase();
  }

  public static InstanceRole fromWire(String value) {
    for (InstanceRole role : values()) {
      if (role.wire().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException(value);
  }
}
