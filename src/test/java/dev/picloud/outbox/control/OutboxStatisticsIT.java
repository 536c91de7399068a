package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vacuum that finds every row settled records an empty outbox in the pages the table keeps, and
 * the claims of the next backlog are planned to read and sort every due row; a vacuum once the
 * backlog is in counts the rows again and puts them back on the due index. Autovacuum (and so
 * autoanalyze) is off for the outbox meanwhile.
 */
class OutboxStatisticsIT {
  private static final int BACKLOG = 20_000;

  private final OutboxDb outbox = new OutboxDb();

  @BeforeEach
  void noAutovacuum() {
    Jdbc.update(outbox.db, "ALTER TABLE outbox SET (autovacuum_enabled = false)");
  }

  @AfterEach
  void autovacuumAgain() {
    Jdbc.update(outbox.db, "ALTER TABLE outbox RESET (autovacuum_enabled)");
  }

  @Test
  void anEmptyVacuumMisleadsClaimsUntilAVacuumCountsTheBacklog() throws Exception {
    UUID app = outbox.newApp();
    outbox.enqueue(app, BACKLOG);
    Jdbc.update(outbox.db, "ANALYZE outbox");
    Jdbc.update(outbox.db, "DELETE FROM outbox");
    assertThat(outbox.store.vacuum()).isEmpty();
    outbox.enqueue(app, BACKLOG);
    awaitLiveRows(BACKLOG);

    assertThat(outbox.store.rowCounts().misleadPlanner()).isTrue();
    assertThat(customClaimPlan()).contains("Sort").doesNotContain("outbox_due_idx");

    assertThat(outbox.store.vacuum()).isEmpty();

    assertThat(outbox.store.rowCounts().misleadPlanner()).isFalse();
    assertThat(customClaimPlan())
        .contains("Index Scan using outbox_due_idx")
        .doesNotContain("Sort");
  }

  private String customClaimPlan() throws SQLException {
    try (Connection connection = outbox.db.getConnection();
        Statement statement = connection.createStatement()) {
      QueryPlans.prepareClaim(statement);
      return QueryPlans.claimPlan(statement, "force_custom_plan");
    }
  }

  /** The statistics system counts committed inserts a little later, when a backend reports them. */
  private void awaitLiveRows(long rows) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (outbox.store.rowCounts().live() < rows) {
      assertThat(System.nanoTime())
          .as("%d live rows counted within 30 s", rows)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
