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
 * The node's upkeep of the outbox: it vacuums the table after draining {@link
 * OutboxMaintenance#VACUUM_ROWS} rows, and when its row count would mislead the planner. Autovacuum
 * (and so autoanalyze) is off for the outbox meanwhile, so the count of manual vacuums and the
 * planner's row count can only move through the node's vacuums.
 */
class OutboxMaintenanceServerIT {
  private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void drainingTheQueueVacuumsIt() throws Exception {
    withoutAutovacuum(
        "vacuum",
        (app, script) -> {
          long before = manualVacuums();
          enqueue(app, script, OutboxMaintenance.VACUUM_ROWS + 1, 0);

          TestServer.get().awaitNoDueWork();
          await("the node vacuumed the outbox", () -> manualVacuums() > before);
        });
  }

  @Test
  void aBacklogAfterAnEmptyVacuumGetsCountedByAnotherVacuum() throws Exception {
    withoutAutovacuum(
        "recount",
        (app, script) -> {
          // Rows due in an hour: the node cannot drain them before it looks at the statistics.
          enqueue(app, script, 5_000, HOUR_MILLIS);
          execute("DELETE FROM outbox WHERE app_id = '" + app + "'");
          execute("VACUUM outbox"); // records zero rows in the pages the outbox keeps
          long before = manualVacuums();

          enqueue(app, script, 5_000, HOUR_MILLIS);

          await(
              "the node vacuumed the outbox and counted the rows",
              () -> manualVacuums() > before && plannedRows() > 500);
        });
  }

  /** A step of a test, given an app of its own and a script of that app. */
  private interface Step {
    void run(String app, String script) throws Exception;
  }

  /** Runs {@code step} with autovacuum off for the outbox, and deletes the app's rows after it. */
  private void withoutAutovacuum(String slug, Step step) throws Exception {
    String app = scenario.createApp(slug).getString("id");
    String script = scenario.createScript(app, "return 1;");
    execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
    try {
      step.run(app, script);
    } finally {
      execute("DELETE FROM outbox WHERE app_id = '" + app + "'");
      execute("ALTER TABLE outbox RESET (autovacuum_enabled)");
    }
  }

  /** Enqueues {@code rows} async rows of the script, due in {@code dueInMillis}. */
  private static void enqueue(String app, String script, int rows, long dueInMillis)
      throws SQLException {
    try (Connection db = TestServer.get().connect();
        PreparedStatement enqueue =
            db.prepareStatement(
                """
                INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id,
                  root_execution_id, next_attempt_at)
                SELECT ?::uuid, 'http', ?::uuid, '{"request":{"method":"POST","path":"/",
                  "headers":{},"query":{},"queryAll":{},"params":{},"rest":"","body":null}}',
                  e, e, now() + ?::bigint * interval '1 millisecond'
                FROM (SELECT gen_random_uuid() e FROM generate_series(1, ?)) rows""")) {
      enqueue.setString(1, app);
      enqueue.setString(2, script);
      enqueue.setLong(3, dueInMillis);
      enqueue.setInt(4, rows);
      enqueue.executeUpdate();
    }
  }

  private static long plannedRows() {
    return query("SELECT reltuples::bigint FROM pg_class WHERE oid = 'outbox'::regclass");
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
