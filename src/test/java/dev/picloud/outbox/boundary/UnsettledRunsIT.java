package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Settles that cannot keep up with their scripts hold the dispatcher back: here every run writes
 * one KV key whose row the test holds locked, so no settle can commit. A slot is freed when its
 * script ends, so without a bound the node claimed and ran every due row while their settles queued
 * in memory; with it, at most {@link RowRuns#UNSETTLED_PER_SLOT} rows per slot are claimed and the
 * rest stay in the table. Once the key is free every row runs, once.
 */
class UnsettledRunsIT {
  private static final int ROWS = 200;
  private static final String CLAIMED =
      "SELECT count(*) FROM outbox WHERE app_id = ?::uuid AND claimed_by IS NOT NULL";

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void settlesThatCannotCommitHoldBackClaimsAndEveryRowStillRunsOnce() throws Exception {
    JsonObject created = scenario.createApp("unsettled");
    String app = created.getString("id");
    String script = scenario.createScript(app, "kv.collection('hot').set('k', 1); return 1;");
    scenario.createRoute(app, script, "{\"path\":\"/hot\",\"dispatch_mode\":\"async\"}");
    Api site = scenario.publicApi(created.getString("slug"));
    int bound = RowRuns.UNSETTLED_PER_SLOT * TestServer.MAX_CONCURRENT_EXECUTIONS;
    try (Connection holder = TestServer.get().connect()) {
      update(
          holder,
          "INSERT INTO kv_entries (app_id, collection, key, value) VALUES (?::uuid, 'hot', 'k', '0')",
          app);
      holder.setAutoCommit(false);
      update(holder, "UPDATE kv_entries SET version = version WHERE app_id = ?::uuid", app);
      for (int i = 0; i < ROWS; i++) {
        assertThat(site.post("/hot", "{}").status()).isEqualTo(202);
      }

      int mostClaimed = 0;
      for (int i = 0; i < 30; i++) {
        mostClaimed = Math.max(mostClaimed, TestServer.get().count(CLAIMED, app));
        Thread.sleep(100);
      }
      assertThat(mostClaimed).isPositive().isLessThanOrEqualTo(bound);
      holder.rollback();
    }
    TestServer.get().awaitNoDueWork();
    assertThat(TestServer.get().count("SELECT count(*) FROM outbox WHERE app_id = ?::uuid", app))
        .isZero();
    String logs = "SELECT count(*) FROM execution_logs WHERE app_id = ?::uuid";
    for (int i = 0; i < 100 && TestServer.get().count(logs, app) < ROWS; i++) {
      Thread.sleep(100); // logs are written in batches, off the settle
    }
    assertThat(TestServer.get().count(logs, app)).isEqualTo(ROWS);
    assertThat(
            TestServer.get()
                .count(
                    "SELECT count(DISTINCT execution_id) FROM execution_logs"
                        + " WHERE app_id = ?::uuid AND status = 'success'",
                    app))
        .isEqualTo(ROWS);
  }

  private static void update(Connection db, String sql, String... params) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
