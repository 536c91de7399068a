package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbox's own vacuum: it removes the dead entries every claim walks past, it counts a backlog
 * that came after a vacuum found the table empty (claims are planned for an empty table until
 * then), it skips a table another vacuum holds instead of waiting, and a user that does not own the
 * table is found out. Autovacuum (and so autoanalyze) is off for the outbox meanwhile, so only the
 * vacuum under test removes or counts anything.
 */
class OutboxVacuumIT {
  /** The claim's pick, on its own: what it reads is what a claim pays before it locks a row. */
  private static final String PICK =
      """
      EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
      SELECT id FROM outbox
      WHERE claimed_by IS NULL AND next_attempt_at <= statement_timestamp()
        AND (reply_node IS NULL OR reply_node = 'vacuum-node')
      ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""";

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
  void aVacuumRemovesTheSettledRowsClaimsWalkPast() throws SQLException {
    UUID app = outbox.newApp();
    Jdbc.update(
        outbox.db,
        """
        INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id,
          root_execution_id, next_attempt_at)
        SELECT ?, 'http', gen_random_uuid(), '{}', gen_random_uuid(), gen_random_uuid(),
          now() - interval '1 hour' + n * interval '1 millisecond'
        FROM generate_series(1, 20000) n""",
        app);
    assertThat(outbox.store.claim("vacuum-node", 20_000, OutboxDb.LONG_LEASE)).hasSize(20_000);
    Jdbc.update(outbox.db, "DELETE FROM outbox WHERE claimed_by = 'vacuum-node'");
    UUID due = outbox.insert(NewRows.async(app));

    pickBlocks(); // the first walk marks the dead entries; what later claims pay is the second
    long before = pickBlocks();
    assertThat(outbox.store.vacuum()).isEmpty();
    long after = pickBlocks();

    assertThat(before).as("blocks read past 20,000 settled rows").isGreaterThan(40);
    assertThat(after).as("blocks read once vacuumed, against %d before", before).isLessThan(8);
    assertThat(outbox.claimRows("vacuum-node", 10, OutboxDb.LONG_LEASE))
        .extracting(ClaimedRow::id)
        .containsExactly(due);
  }

  @Test
  void anEmptyVacuumMisleadsClaimsUntilAVacuumCountsTheBacklog() throws Exception {
    UUID app = outbox.newApp();
    outbox.enqueue(app, 20_000);
    Jdbc.update(outbox.db, "ANALYZE outbox");
    Jdbc.update(outbox.db, "DELETE FROM outbox");
    assertThat(outbox.store.vacuum()).isEmpty();
    outbox.enqueue(app, 20_000);
    awaitLiveRows(20_000);

    assertThat(outbox.store.rowCounts().misleadPlanner()).isTrue();
    assertThat(customClaimPlan()).contains("Sort").doesNotContain("outbox_due_idx");

    assertThat(outbox.store.vacuum()).isEmpty();

    assertThat(outbox.store.rowCounts().misleadPlanner()).isFalse();
    assertThat(customClaimPlan())
        .contains("Index Scan using outbox_due_idx")
        .doesNotContain("Sort");
  }

  @Test
  void aTableAnotherVacuumHoldsIsSkippedNotWaitedFor() throws Exception {
    try (Connection holder = outbox.db.getConnection();
        Statement lock = holder.createStatement()) {
      holder.setAutoCommit(false);
      // The lock a vacuum takes, and the only one it conflicts with among the queue's own.
      lock.execute("LOCK TABLE outbox IN SHARE UPDATE EXCLUSIVE MODE");
      List<String> warnings =
          CompletableFuture.supplyAsync(outbox.store::vacuum).get(30, TimeUnit.SECONDS);
      assertThat(warnings).isEmpty();
      holder.rollback();
    }
  }

  @Test
  void onlyTheTablesOwnerMayVacuumIt() throws SQLException {
    assertThat(outbox.store.mayVacuum()).isTrue();

    String role = "outbox_reader_" + UUID.randomUUID().toString().substring(0, 8);
    Jdbc.update(outbox.db, "CREATE ROLE " + role + " LOGIN");
    try {
      PGSimpleDataSource asReader = new PGSimpleDataSource();
      asReader.setUrl(((PGSimpleDataSource) outbox.db).getUrl());
      asReader.setUser(role);
      OutboxStore store = new OutboxStore();
      store.dataSource = asReader;

      assertThat(store.mayVacuum()).isFalse();
      assertThat(store.vacuum()).singleElement().asString().contains("outbox");
    } finally {
      Jdbc.update(outbox.db, "DROP ROLE " + role);
    }
  }

  /** Shared buffers the pick read, found in the cache or not. */
  private long pickBlocks() throws SQLException {
    try (Connection connection = outbox.db.getConnection();
        Statement statement = connection.createStatement()) {
      // The walk of the due index is what is measured, whatever the planner makes of the stats.
      statement.execute("SET enable_seqscan = off");
      statement.execute("SET enable_bitmapscan = off");
      try (ResultSet plan = statement.executeQuery(PICK)) {
        plan.next();
        var top =
            Json.createReader(new StringReader(plan.getString(1)))
                .readArray()
                .getJsonObject(0)
                .getJsonObject("Plan");
        return top.getJsonNumber("Shared Hit Blocks").longValue()
            + top.getJsonNumber("Shared Read Blocks").longValue();
      }
    }
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
