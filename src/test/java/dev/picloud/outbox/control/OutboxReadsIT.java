package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The queue's read models: the admin list, lookups, and the metrics figures. */
class OutboxReadsIT {
  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();

  @Test
  void pendingRowsArePagedOldestFirstWithinTheirApp() {
    List<UUID> ids =
        outbox.insertAll(IntStream.range(0, 5).mapToObj(i -> NewRows.async(app).build()).toList());
    outbox.insert(NewRows.async(outbox.newApp()));

    List<UUID> seen = new ArrayList<>();
    OutboxReads.Position after = null;
    List<Integer> pageSizes = new ArrayList<>();
    List<PendingRow> page;
    do {
      page = outbox.reads.pendingForApp(app, after, 2);
      pageSizes.add(page.size());
      page.forEach(row -> seen.add(row.id()));
      if (!page.isEmpty()) {
        PendingRow last = page.get(page.size() - 1);
        after = new OutboxReads.Position(last.createdAt(), last.id());
      }
    } while (!page.isEmpty());

    assertThat(pageSizes).containsExactly(2, 2, 1, 0);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
  }

  @Test
  void aPendingRowShowsItsAttemptsClaimAndLastError() {
    UUID id = outbox.insert(NewRows.async(app));
    ClaimedRow first = outbox.claimOne("node-a");
    outbox.settles.retryLater(
        first.claim(), Duration.ZERO, new AttemptError("script_error", "first failure", 502));
    ClaimedRow second = outbox.claimOne("node-b");

    PendingRow row = outbox.reads.pendingForApp(app, null, 10).get(0);

    assertThat(row.id()).isEqualTo(id);
    assertThat(row.attemptCount()).isEqualTo(2);
    assertThat(row.claimedBy()).isEqualTo("node-b");
    assertThat(row.claimedAt()).isEqualTo(second.claimedAt());
    assertThat(row.leaseExpiresAt()).isEqualTo(second.leaseExpiresAt());
    assertThat(row.lastError()).isEqualTo("first failure");
    assertThat(row.sync()).isFalse();
    assertThat(row.sourceKind()).isEqualTo(SourceKind.KV);
  }

  @Test
  void findMatchesRowIdOrExecutionIdButOnlyInTheRowsApp() {
    NewOutboxRow row = NewRows.async(app).build();
    UUID id = outbox.store.insert(row).id();

    assertThat(outbox.reads.find(app, id)).isPresent();
    assertThat(outbox.reads.find(app, row.executionId()).orElseThrow().id()).isEqualTo(id);
    assertThat(outbox.reads.find(outbox.newApp(), id)).isEmpty();
  }

  @Test
  void depthCountsEveryQueuedRowAndOldestDueAgeUsesTheDatabaseClock() {
    assertThat(outbox.reads.depth()).isZero();
    assertThat(outbox.reads.oldestDueAgeMillis()).isZero();
    outbox.insert(NewRows.async(app));
    ClaimedRow running = outbox.claimOne("node-a");
    outbox.insert(NewRows.async(app));
    outbox.insert(NewRows.async(app));
    Jdbc.update(
        outbox.db,
        """
        UPDATE outbox SET next_attempt_at = statement_timestamp()
          - CASE WHEN id = ? THEN interval '1 hour' ELSE interval '90 seconds' END
        """,
        running.id());

    assertThat(outbox.reads.depth()).isEqualTo(3);
    assertThat(outbox.reads.oldestDueAgeMillis()).isBetween(90_000L, 150_000L);
  }
}
