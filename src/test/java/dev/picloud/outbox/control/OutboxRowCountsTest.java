package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxRowCountsTest {
  @Test
  void anEmptyCountOverManyLiveRowsMisleadsThePlanner() {
    assertThat(new OutboxRowCounts(0, 136_000).misleadPlanner()).isTrue();
    assertThat(new OutboxRowCounts(0, OutboxRowCounts.FEW).misleadPlanner()).isTrue();
  }

  @Test
  void aTableNeverCountedIsEstimatedFromItsSize() {
    assertThat(new OutboxRowCounts(-1, 136_000).misleadPlanner()).isFalse();
  }

  @Test
  void aCountWithinATenthOfTheTruthDoesNot() {
    assertThat(new OutboxRowCounts(13_600, 136_000).misleadPlanner()).isFalse();
    assertThat(new OutboxRowCounts(13_599, 136_000).misleadPlanner()).isTrue();
    assertThat(new OutboxRowCounts(500_000, 136_000).misleadPlanner()).isFalse();
  }

  @Test
  void fewLiveRowsNeverDo() {
    assertThat(new OutboxRowCounts(0, OutboxRowCounts.FEW - 1).misleadPlanner()).isFalse();
  }
}
