package dev.picloud.users.boundary;

import dev.picloud.users.entity.User;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it (never the password hash). */
public record UserView(
    UUID id, String username, String instanceRole, boolean isActive, Instant createdAt) {
  public static UserView of(User user) {
    return new UserView(
        user.id(), user.username(), user.role().wire(), user.active(), user.createdAt());
  }
}
