package dev.picloud.deadletters.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SDK's entry refuses a run without a principal before anything else is asked. */
class ScriptDeadLettersTest {
  private final ScriptDeadLetters sdk = new ScriptDeadLetters();

  @Test
  void aRunWithoutAPrincipalCannotReplay() {
    assertThatThrownBy(() -> sdk.replay(UUID.randomUUID(), UUID.randomUUID(), null))
        .isInstanceOfSatisfying(ApiException.class, ScriptDeadLettersTest::forbidden);
  }

  @Test
  void aRunWithoutAPrincipalCannotResolve() {
    assertThatThrownBy(
            () -> sdk.resolve(UUID.randomUUID(), UUID.randomUUID(), "ignored", null, null))
        .isInstanceOfSatisfying(ApiException.class, ScriptDeadLettersTest::forbidden);
  }

  private static void forbidden(ApiException e) {
    assertThat(e.problem().status()).isEqualTo(403);
    assertThat(e.problem().detail()).contains("principal");
  }
}
