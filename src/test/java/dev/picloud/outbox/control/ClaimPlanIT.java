package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The claim walks the partial due index in order and updates by primary key, whatever the outbox's
 * statistics say: with a deep queue of which most rows are claimed, and after a vacuum found the
 * table empty and rows piled up again before the next ANALYZE (then the planner believed in one
 * row, and read and sorted every due row per claim). The plans are those the claim function really
 * ran, logged by auto_explain: the first calls' custom plans and the generic one PL/pgSQL keeps.
 */
class ClaimPlanIT {
  private static final int CALLS = 8;

  private final OutboxDb outbox = new OutboxDb();

  @Test
  void claimWalksTheDueIndexWhenMostRowsAreClaimed() throws SQLException {
    UUID app = outbox.newApp();
    for (int i = 0; i < 4; i++) {
      outbox.insertAll(
          IntStream.range(0, 5_000).mapToObj(n -> NewRows.async(app).build()).toList());
    }
    outbox.store.claim("busy-node", 15_000, OutboxDb.LONG_LEASE);
    Jdbc.update(outbox.db, "ANALYZE outbox");

    try (Connection connection = outbox.db.getConnection()) {
      assertWalksTheDueIndex(plansOfClaims(connection));
    }
  }

  /**
   * On a temporary copy of the table (which the claim function finds first on the search path, and
   * which autovacuum never touches), so the statistics stay as stale as they are made here.
   */
  @Test
  void claimWalksTheDueIndexAfterAVacuumFoundTheTableEmpty() throws SQLException {
    try (Connection connection = outbox.db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE outbox (LIKE public.outbox INCLUDING ALL)");
      statement.execute("ALTER TABLE pg_temp.outbox SET (vacuum_truncate = false)");
      statement.execute(dueRows(20_000));
      statement.execute("ANALYZE outbox");
      statement.execute("DELETE FROM outbox");
      statement.execute("VACUUM outbox");
      statement.execute(dueRows(20_000));

      assertWalksTheDueIndex(plansOfClaims(connection));
    }
  }

  private static void assertWalksTheDueIndex(List<String> plans) {
    assertThat(plans).hasSize(CALLS);
    for (String plan : plans) {
      assertThat(plan)
          .as(plan)
          .containsPattern("Index Scan using outbox_(due|next_attempt_at)_idx")
          .containsPattern("Index Scan (on|using) outbox_pkey")
          .doesNotContain("Sort")
          .doesNotContain("Seq Scan")
          .doesNotContain("Bitmap");
    }
  }

  /**
   * Runs the claim {@link #CALLS} times (4 rows each) on {@code connection} and returns the plan
   * auto_explain logged for the UPDATE inside the function each time.
   */
  private static List<String> plansOfClaims(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOAD 'auto_explain'");
      statement.execute("SET auto_explain.log_min_duration = 0");
      statement.execute("SET auto_explain.log_nested_statements = on");
      statement.execute("SET client_min_messages = log");
    }
    List<String> plans = new ArrayList<>();
    try (PreparedStatement claim = connection.prepareStatement(OutboxStore.CLAIM)) {
      claim.setString(1, "node-a");
      claim.setLong(2, 60_000);
      claim.setInt(3, 4);
      for (int i = 0; i < CALLS; i++) {
        claim.clearWarnings();
        try (ResultSet rows = claim.executeQuery()) {
          int claimed = 0;
          while (rows.next()) {
            claimed++;
          }
          assertThat(claimed).isEqualTo(4);
        }
        for (SQLWarning w = claim.getWarnings(); w != null; w = w.getNextWarning()) {
          if (w.getMessage().contains("UPDATE outbox")) {
            plans.add(w.getMessage());
          }
        }
      }
    }
    return plans;
  }

  private static String dueRows(int count) {
    return """
        INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id, root_execution_id)
        SELECT gen_random_uuid(), 'http', gen_random_uuid(), '{"request": {"path": "/a"}}',
          gen_random_uuid(), gen_random_uuid()
        FROM generate_series(1, %d)"""
        .formatted(count);
  }
}
