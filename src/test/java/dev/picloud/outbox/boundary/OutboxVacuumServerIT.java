package dev.picloud.outbox.boundary;

import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A node that drained {@link OutboxVacuum#ROWS} rows vacuums the outbox itself. Autovacuum is off
 * for the outbox meanwhile, so the count of manual vacuums can only move through the node's.
 */
class OutboxVacuumServerIT {
  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void drainingTheQueueVacuumsIt() throws Exception {
    String app = scenario.createApp("vacuum").getString("id");
    String script = scenario.createScript(app, "return 1;");
    execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
    try {
      long before = manualVacuums();
      try (Connection db = TestServer.get().connect();
          PreparedStatement enqueue =
              db.prepareStatement(
                  """
                  INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id,
                    root_execution_id)
                  SELECT ?::uuid, 'http', ?::uuid, '{"request":{"method":"POST","path":"/",
                    "headers":{},"query":{},"queryAll":{},"params":{},"rest":"","body":null}}',
                    e, e
                  FROM (SELECT gen_random_uuid() e FROM generate_series(1, ?)) rows""")) {
        enqueue.setString(1, app);
        enqueue.setString(2, script);
        enqueue.setInt(3, OutboxVacuum.ROWS + 1);
        enqueue.executeUpdate();
      }

      TestServer.get().awaitNoDueWork();
      await("the node vacuumed the outbox", () -> manualVacuums() > before);
    } finally {
      execute("ALTER TABLE outbox RESET (autovacuum_enabled)");
    }
  }

  private static long manualVacuums() {
    return query("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'");
  }

  private static long query(String sql) {
    try (Connection db = TestServer.get().connect();
        PreparedStatement query = db.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection db = TestServer.get().connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.execute();
    }
  }

  /** Polls until {@code state} holds (a state, not a duration, is awaited). */
  private static void await(String state, BooleanSupplier probe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (probe.getAsBoolean()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not so after 2 minutes: " + state);
  }
}
