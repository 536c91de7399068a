package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Settles find their rows by primary key in the state a busy outbox is in between two autovacuums:
 * statistics taken when it held a few rows, tens of thousands of deleted claimed rows since. The
 * generic plan of a fenced delete once scanned the whole lease index instead (its predicate was
 * {@code claimed_by IS NOT NULL}, which the fence implies), and that of the batch delete joining
 * the claims scanned the table: milliseconds per settle, growing with every row until the next
 * vacuum. Runs on a temporary copy of the table, which autovacuum never touches (and which goes
 * with the connection), so the statistics stay as stale as they are made here.
 */
class SettlePlanIT {
  private static final String CLAIMED_ROW =
      """
      INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id,
        root_execution_id, claimed_by, claimed_at, lease_expires_at, claim_epoch)
      SELECT gen_random_uuid(), 'http', gen_random_uuid(), '{"request": {"path": "/sync"}}',
        gen_random_uuid(), gen_random_uuid(), 'node-a', now(), now() + interval '90 seconds', 1
      FROM generate_series(1, %d)
      """;

  private final DataSource db = TestDatabase.get();

  @Test
  void fencedDeletesProbeThePrimaryKeyWhenTheStatisticsAreStale() throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE outbox (LIKE public.outbox INCLUDING ALL)");
      // Settled rows, then a few live ones behind them: the vacuum counts 3 rows in 20,000 rows'
      // pages, and cannot give those pages back.
      statement.execute(CLAIMED_ROW.formatted(20_000));
      statement.execute("DELETE FROM outbox");
      statement.execute(CLAIMED_ROW.formatted(3));
      statement.execute("VACUUM ANALYZE outbox");
      statement.execute(CLAIMED_ROW.formatted(20_000));
      statement.execute("DELETE FROM outbox WHERE created_at = now()");
      statement.execute("SET plan_cache_mode = force_generic_plan");
      statement.execute(
          "PREPARE complete(uuid, bigint, text) AS " + QueryPlans.numbered(OutboxSettles.COMPLETE));

      String plan =
          QueryPlans.plan(statement, "EXPLAIN EXECUTE complete(gen_random_uuid(), 1, 'node-a')");

      assertThat(plan)
          .as(plan)
          .contains("Index Cond: (id = ")
          .doesNotContain("lease_expires_at")
          .doesNotContain("Seq Scan on outbox");
    }
  }
}
