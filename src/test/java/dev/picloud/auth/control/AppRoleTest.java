package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppRoleTest {
  @ParameterizedTest(name = "{0} includes {1}: {2}")
  @CsvSource(
      textBlock =
          """
          VIEWER,    VIEWER,    true
          VIEWER,    EDITOR,    false
          VIEWER,    APP_ADMIN, false
          EDITOR,    VIEWER,    true
          EDITOR,    EDITOR,    true
          EDITOR,    APP_ADMIN, false
          APP_ADMIN, VIEWER,    true
          APP_ADMIN, EDITOR,    true
          APP_ADMIN, APP_ADMIN, true
          """)
  void rolesFormTheChainViewerEditorAppAdmin(AppRole role, AppRole other, boolean includes) {
    assertThat(role.includes(other)).isEqualTo(includes);
  }

  @ParameterizedTest
  @CsvSource({"viewer, VIEWER", "editor, EDITOR", "app_admin, APP_ADMIN"})
  void wireNamesAreTheSnakeCaseRoleNames(String wire, AppRole role) {
    assertThat(role.wire()).isEqualTo(wire);
    assertThat(AppRole.fromWire(wire)).contains(role);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "owner", "admin", "APP_ADMIN", "Viewer", "app-admin"})
  void unknownRoleNamesAreNoRole(String value) {
    assertThat(AppRole.fromWire(value)).isEmpty();
  }
}
