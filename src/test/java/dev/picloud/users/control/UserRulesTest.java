package dev.picloud.users.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Problem;
import dev.picloud.users.entity.InstanceRole;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserRulesTest {
  private static final String LONGEST_USERNAME = "u".repeat(64);

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"ab", "alice", "a.b_c-d", "0day", "bob-2", "x9"})
  void validUsernamesAreKeptAsGiven(String username) {
    assertThat(UserRules.username(username)).isEqualTo(username);
  }

  @Test
  void usernameOf64CharactersIsAccepted() {
    assertThat(UserRules.username(LONGEST_USERNAME)).isEqualTo(LONGEST_USERNAME);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "a",
        "Alice",
        "ALICE",
        ".alice",
        "-alice",
        "_alice",
        "al ice",
        " alice",
        "alice ",
        "alice@example.com",
        "ålice",
        "al/ice"
      })
  void invalidUsernamesAreRejected(String username) {
    assertInvalid(() -> UserRules.username(username), "username");
  }

  @Test
  void usernameOf65CharactersIsRejected() {
    assertInvalid(() -> UserRules.username(LONGEST_USERNAME + "u"), "username");
  }

  @ParameterizedTest(name = "{0} characters")
  @ValueSource(ints = {12, 13, 1024})
  void passwordsOf12To1024CharactersAreAccepted(int length) {
    String password = "p".repeat(length);

    assertThat(UserRules.password(password)).isEqualTo(password);
  }

  @ParameterizedTest(name = "{0} characters")
  @ValueSource(ints = {0, 1, 11, 1025})
  void passwordsOutside12To1024CharactersAreRejected(int length) {
    assertInvalid(() -> UserRules.password("p".repeat(length)), "password");
  }

  @Test
  void missingPasswordIsRejected() {
    assertInvalid(() -> UserRules.password(null), "password");
  }

  @Test
  void passwordRejectionDoesNotEchoThePassword() {
    assertThatThrownBy(() -> UserRules.password("hunter2"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).problem().detail()).doesNotContain("hunter2"))
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest
  @CsvSource({"owner, OWNER", "member, MEMBER"})
  void instanceRolesAreReadFromTheirWireNames(String wire, InstanceRole role) {
    assertThat(UserRules.role(wire)).isEqualTo(role);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"OWNER", "Owner", "admin", "viewer", "app_admin", " owner"})
  void unknownInstanceRolesAreRejected(String role) {
    assertInvalid(() -> UserRules.role(role), "instance_role");
  }

  private static void assertInvalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("validation_failed", Problem::code)
        .returns(field, Problem::field);
  }
}
