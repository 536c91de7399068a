package dev.picloud.housekeeping.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Settings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cutoffs from the clock and the retention settings, and the batch loop, without a database. */
class RetentionSweepTest {
  private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");

  /** Records each call and answers the scripted batch sizes of its kind, then 0. */
  private static final class ScriptedStore extends HousekeepingStore {
    final List<String> calls = new ArrayList<>();
    final Map<String, Deque<Integer>> batches;

    ScriptedStore(Map<String, List<Integer>> batches) {
      this.batches =
          Map.of(
              "dead_letters", new ArrayDeque<>(batches.getOrDefault("dead_letters", List.of())),
              "abandoned", new ArrayDeque<>(batches.getOrDefault("abandoned", List.of())),
              "logs", new ArrayDeque<>(batches.getOrDefault("logs", List.of())),
              "sessions", new ArrayDeque<>(batches.getOrDefault("sessions", List.of())),
              "keys", new ArrayDeque<>(batches.getOrDefault("keys", List.of())));
    }

    private int answer(String kind, Instant cutoff, int limit) {
      calls.add(kind + " < " + cutoff + " limit " + limit);
      Integer next = batches.get(kind).poll();
      return next == null ? 0 : next;
    }

    @Override
    public int deleteDeadLetters(Instant createdBefore, int limit) {
      return answer("dead_letters", createdBefore, limit);
    }

    @Override
    public int deleteAbandonedExecutions(Instant createdBefore, int limit) {
      return answer("abandoned", createdBefore, limit);
    }

    @Override
    public int deleteExecutionLogs(Instant createdBefore, int limit) {
      return answer("logs", createdBefore, limit);
    }

    @Override
    public int deleteExpiredSessions(Instant now, int limit) {
      return answer("sessions", now, limit);
    }

    @Override
    public int deleteIdempotencyKeys(Instant createdBefore, int limit) {
      return answer("keys", createdBefore, limit);
    }
  }

  @Test
  void eachKindIsCutAtItsOwnRetentionCountedFromTheClock() {
    ScriptedStore store = new ScriptedStore(Map.of());

    new RetentionSweep(store, new SettableClock(NOW), new Settings.Retention(30, 7, 3)).run();

    assertThat(store.calls)
        .containsExactly(
            "dead_letters < 2030-05-16T12:00:00Z limit 5000",
            "abandoned < 2030-06-08T12:00:00Z limit 5000",
            "logs < 2030-06-12T12:00:00Z limit 5000",
            "sessions < 2030-06-15T12:00:00Z limit 5000",
            "keys < 2030-06-14T12:00:00Z limit 5000");
  }

  @Test
  void aFullBatchIsFollowedByAnotherUntilOneComesBackShort() {
    ScriptedStore store =
        new ScriptedStore(Map.of("logs", List.of(3, 3, 1, 3), "sessions", List.of(3, 0)));

    RetentionSweep.Swept swept =
        new RetentionSweep(store, new SettableClock(NOW), new Settings.Retention(30, 7, 7), 3)
            .run();

    assertThat(swept).isEqualTo(new RetentionSweep.Swept(0, 0, 7, 3, 0));
    assertThat(store.calls).filteredOn(call -> call.startsWith("logs")).hasSize(3);
    assertThat(store.calls).filteredOn(call -> call.startsWith("sessions")).hasSize(2);
  }
}
