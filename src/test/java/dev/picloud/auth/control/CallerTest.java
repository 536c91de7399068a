package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {
  @Test
  void sessionHoldsEveryScopeAndNoBinding() {
    Caller caller = Caller.session(UUID.randomUUID(), "alice", false, UUID.randomUUID());

    assertThat(caller.isKey()).isFalse();
    assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.values());
    assertThat(caller.appBinding()).isNull();
    for (Scope scope : Scope.values()) {
      assertThat(caller.hasScope(scope)).as("%s", scope).isTrue();
    }
  }

  @Test
  void keyHoldsOnlyItsScopesAndItsBinding() {
    UUID app = UUID.randomUUID();
    UUID keyId = UUID.randomUUID();
    Caller caller =
        Caller.apiKey(UUID.randomUUID(), "alice", true, keyId, Set.of(Scope.LOG_READ), app);

    assertThat(caller.isKey()).isTrue();
    assertThat(caller.credential()).isEqualTo(Caller.Credential.API_KEY);
    assertThat(caller.credentialId()).isEqualTo(keyId);
    assertThat(caller.appBinding()).isEqualTo(app);
    assertThat(caller.hasScope(Scope.LOG_READ)).isTrue();
    assertThat(EnumSet.complementOf(EnumSet.of(Scope.LOG_READ)))
        .allSatisfy(scope -> assertThat(caller.hasScope(scope)).as("%s", scope).isFalse());
  }

  @Test
  void keyScopesCannotBeWidenedThroughTheSetItWasBuiltFrom() {
    Set<Scope> scopes = new HashSet<>(Set.of(Scope.SCRIPT_READ));
    Caller caller =
        Caller.apiKey(UUID.randomUUID(), "alice", false, UUID.randomUUID(), scopes, null);

    scopes.add(Scope.INSTANCE_ADMIN);

    assertThat(caller.hasScope(Scope.INSTANCE_ADMIN)).isFalse();
  }
}
