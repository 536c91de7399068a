package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void aTimeOrderedIdIsAVersion7UuidThatStartsWithItsMillisecond() {
    long millis = Instant.parse("2026-12-07T17:30:00.123Z").toEpochMilli();

    UUID id = Ids.timeOrdered(millis);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    assertThat(id.toString()).startsWith("01a2518e-263b-7");
    assertThat(Ids.isUuid(id.toString())).isTrue();
  }

  @Test
  void idsOfALaterMillisecondSortAfterAsPostgresqlComparesUuids() {
    long millis = Instant.parse("2026-12-07T17:30:00Z").toEpochMilli();

    for (int i = 0; i < 1_000; i++) {
      String earlier = Ids.timeOrdered(millis).toString();
      String later = Ids.timeOrdered(millis + 1).toString();
      // PostgreSQL orders uuid values by their bytes, as their lower-case hex text sorts.
      assertThat(later).isGreaterThan(earlier);
    }
  }

  @Test
  void idsOfTheSameMillisecondDifferInTheirRandomBits() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(Ids.timeOrdered(42));
    }

    assertThat(ids).hasSize(100_000);
  }

  @Test
  void anIdMadeNowCarriesTheClocksMillisecond() {
    long before = System.currentTimeMillis();
    UUID id = Ids.timeOrdered();
    long after = System.currentTimeMillis();

    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
  }
}
