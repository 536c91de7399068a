package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void aTimeOrderedIdIsAVersion7UuidCarryingItsMillisecond() {
    long before = System.currentTimeMillis();
    UUID id = Ids.timeOrdered();
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    assertThat(Ids.isUuid(id.toString())).isTrue();
  }

  @Test
  void timeOrderedIdsSortAsTheirMillisecondsDoAndDifferWithinOne() throws InterruptedException {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(Ids.timeOrdered());
      Thread.sleep(2);
    }
    List<String> texts = ids.stream().map(UUID::toString).toList();

    // PostgreSQL orders uuid values by their bytes, as their text sorts.
    assertThat(texts).isSorted();
    List<UUID> burst = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      burst.add(Ids.timeOrdered());
    }
    assertThat(new HashSet<>(burst)).hasSize(burst.size());
  }
}
