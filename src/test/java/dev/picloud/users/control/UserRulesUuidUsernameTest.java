package dev.picloud.users.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Production bug: /apps/{app}/members/{user} reads a UUID-shaped {user} as an id, so a user whose
 * name is UUID-shaped can never be addressed by name. Slugs forbid that shape; usernames do not.
 */
class UserRulesUuidUsernameTest {
  @Test
  void uuidShapedUsernameIsRejected() {
    assertThatThrownBy(() -> UserRules.username("123e4567-e89b-12d3-a456-426614174000"))
        .isInstanceOf(ApiException.class);
  }
}
