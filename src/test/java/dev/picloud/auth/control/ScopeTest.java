package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {
  @Test
  void thereAreExactlyTheSevenScopesOfTheSpec() {
    assertThat(Arrays.stream(Scope.values()).map(Scope::wire))
        .containsExactlyInAnyOrder(
            "instance:admin",
            "script:read",
            "script:write",
            "route:write",
            "domain:manage",
            "app:admin",
            "log:read");
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void wireNameReadsBackAsTheSameScope(Scope scope) {
    assertThat(Scope.fromWire(scope.wire())).contains(scope);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "script", "SCRIPT_READ", "Script:Read", "script:read ", "admin", "*"})
  void anythingButAnExactWireNameIsNoScope(String value) {
    assertThat(Scope.fromWire(value)).isEmpty();
  }
}
