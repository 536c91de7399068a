package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.sdk.Services;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code kv} global without a database: what a run without a KV session sees. */
class KvModuleTest {
  private final UUID app = UUID.randomUUID();

  @Test
  void kvIsAGlobalOfferingCollectionAndNoJava() {
    RunOutcome outcome =
        KvRuns.run(
            app,
            Services.none(),
            "return [typeof kv, typeof kv.getClass, typeof kv.collection, String(kv)];");

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Runs.body(outcome))
        .isEqualTo("[\"object\",\"undefined\",\"function\",\"[object kv]\"]");
  }

  @Test
  void aRunWithoutSessionIsToldKvIsNotAvailable() {
    RunOutcome outcome = KvRuns.run(app, Services.none(), "kv.collection('c').get('k');");

    assertThat(outcome.error().orElseThrow())
        .startsWith("Error: kv: not_available: this run has no key-value store");
  }

  @Test
  void theKvFunctionsAreNotConstructors() {
    RunOutcome outcome = KvRuns.run(app, Services.none(), "new kv.collection('c');");

    assertThat(outcome.error().orElseThrow()).contains("kv.collection is not a constructor");
  }
}
