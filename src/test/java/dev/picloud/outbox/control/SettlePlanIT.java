package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
      for (String plan : genericPlansOfTheFencedDeletes(statement)) {
        assertThat(plan)
            .as(plan)
            .contains("Index Cond: (id = ")
            .doesNotContain("lease_expires_at")
            .doesNotContain("Seq Scan on outbox");
      }
    }
  }

  /**
   * A vacuum that finds every row settled records an empty table, and every prepared settle is
   * planned again right after it. Had the vacuum given the empty pages back, a sequential scan
   * would cost nothing there, and an index holding the id in a later column would tie with the
   * primary key; either plan was kept while the table filled up again.
   */
  @Test
  void fencedDeletesProbeThePrimaryKeyAfterAVacuumFoundEveryRowSettled() throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE outbox (LIKE public.outbox INCLUDING ALL)");
      statement.execute("ALTER TABLE pg_temp.outbox SET (" + storageOfTheOutbox(statement) + ")");
      statement.execute(CLAIMED_ROW.formatted(20_000));
      statement.execute("DELETE FROM outbox");
      statement.execute("VACUUM outbox");

      for (String plan : genericPlansOfTheFencedDeletes(statement)) {
        assertThat(plan).as(plan).contains("Index Scan using outbox_pkey on outbox");
      }
    }
  }

  /** The real table's storage parameters: a temporary copy made LIKE it does not take them. */
  private static String storageOfTheOutbox(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery(
            "SELECT array_to_string(reloptions, ', ') FROM pg_class"
                + " WHERE oid = 'public.outbox'::regclass")) {
      row.next();
      return row.getString(1);
    }
  }

  /** Of the delete that waits for the WAL flush and of the one that does not. */
  private static List<String> genericPlansOfTheFencedDeletes(Statement statement)
      throws SQLException {
    statement.execute("SET plan_cache_mode = force_generic_plan");
    List<String> plans = new ArrayList<>();
    for (String delete : List.of(OutboxSettles.COMPLETE, OutboxSettles.COMPLETE_WITHOUT_FLUSH)) {
      statement.execute("PREPARE complete(uuid, bigint, text) AS " + QueryPlans.numbered(delete));
      plans.add(
          QueryPlans.plan(statement, "EXPLAIN EXECUTE complete(gen_random_uuid(), 1, 'node-a')"));
      statement.execute("DEALLOCATE complete");
    }
    return plans;
  }
}
