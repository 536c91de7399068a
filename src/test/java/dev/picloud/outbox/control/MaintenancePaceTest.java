package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaintenancePaceTest {
  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
  private final MaintenancePace pace = new MaintenancePace(100, Duration.ofSeconds(5));

  @Test
  void aVacuumIsDueOnceEnoughRowsLeftTheQueue() {
    assertThat(pace.taken(60, T0)).isFalse();
    assertThat(pace.taken(39, T0)).isFalse();
    assertThat(pace.taken(1, T0)).isTrue();
  }

  @Test
  void rowsCountAgainFromZeroOnceAVacuumStarts() {
    assertThat(pace.taken(150, T0)).isTrue();
    pace.finished();
    assertThat(pace.taken(99, T0.plusSeconds(10))).isFalse();
    assertThat(pace.taken(1, T0.plusSeconds(10))).isTrue();
  }

  @Test
  void theNextWaitsForTheIntervalAndAnAskWithoutRowsStartsIt() {
    assertThat(pace.taken(100, T0)).isTrue();
    pace.finished();
    assertThat(pace.taken(100, T0.plusMillis(4_999))).isFalse();
    assertThat(pace.taken(0, T0.plusSeconds(5))).isTrue();
  }

  @Test
  void neverTwoAtOnce() {
    assertThat(pace.taken(100, T0)).isTrue();
    assertThat(pace.taken(100, T0.plusSeconds(6))).isFalse();
    pace.finished();
    assertThat(pace.taken(0, T0.plusSeconds(6))).isTrue();
  }

  @Test
  void withoutARowCountOnlyTheIntervalPacesIt() {
    MaintenancePace byTime = new MaintenancePace(0, Duration.ofSeconds(1));
    assertThat(byTime.taken(0, T0)).isTrue();
    byTime.finished();
    assertThat(byTime.taken(0, T0.plusMillis(999))).isFalse();
    assertThat(byTime.taken(0, T0.plusSeconds(1))).isTrue();
  }
}
