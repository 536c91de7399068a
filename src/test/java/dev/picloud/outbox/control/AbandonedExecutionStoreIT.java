package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Late sync results, with their summary cut to 4096 bytes of UTF-8. */
class AbandonedExecutionStoreIT {
  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();

  @Test
  void aLongSummaryIsCutOnACharacterBoundaryWithin4096Bytes() {
    String summary = "x".repeat(4094) + "€" + "tail";

    UUID id = outbox.abandoned.insert(abandoned(summary));

    assertThat(stored(id, "octet_length(result_summary)")).isEqualTo("4094");
    assertThat(stored(id, "result_summary")).isEqualTo("x".repeat(4094));
  }

  @Test
  void fourByteCharactersAreKeptWholeUpToTheLimit() {
    String summary = "😀".repeat(1100);

    UUID id = outbox.abandoned.insert(abandoned(summary));

    assertThat(stored(id, "octet_length(result_summary)")).isEqualTo("4096");
    assertThat(stored(id, "result_summary")).isEqualTo("😀".repeat(1024));
  }

  @Test
  void aShortOrMissingSummaryIsStoredAsItIs() {
    UUID shortOne = outbox.abandoned.insert(abandoned("{\"ok\": true}"));
    UUID none = outbox.abandoned.insert(abandoned(null));

    assertThat(stored(shortOne, "result_summary")).isEqualTo("{\"ok\": true}");
    assertThat(stored(none, "result_summary")).isNull();
    assertThat(stored(none, "status_code")).isEqualTo("200");
  }

  private AbandonedExecution abandoned(String summary) {
    return new AbandonedExecution(
        app,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        200,
        summary);
  }

  private String stored(UUID id, String expression) {
    return Jdbc.queryOne(
            outbox.db,
            "SELECT (" + expression + ")::text FROM abandoned_executions WHERE id = ?",
            r -> Optional.ofNullable(r.getString(1)),
            id)
        .orElseThrow()
        .orElse(null);
  }
}
