package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A node vacuums the outbox itself: after draining {@link OutboxVacuum#ROWS} rows, and at once
 * after a slow claim. Autovacuum (and so autoanalyze) is off for the outbox meanwhile, so the count
 * of manual vacuums can only move through the node's, and statistics change only through them.
 */
class OutboxVacuumServerIT {
  private static final String DUE_NOW = "now()";

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void drainingTheQueueVacuumsIt() throws Exception {
    String app = scenario.createApp("vacuum").getString("id");
    String script = scenario.createScript(app, "return 1;");
    execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
    try {
      long before = manualVacuums();
      enqueue(app, script, OutboxVacuum.ROWS + 1, DUE_NOW);

      TestServer.get().awaitNoDueWork();
      await("the node vacuumed the outbox", () -> manualVacuums() > before);
    } finally {
      execute("ALTER TABLE outbox RESET (autovacuum_enabled)");
    }
  }

  /**
   * The outbox as autovacuum leaves it after a drain: statistics taken with rows in it, then a
   * vacuum that found it empty. A claim planned against that reads and sorts every due row (tens of
   * milliseconds for 50,000), so the node vacuums long before it has taken 10,000 of them.
   */
  @Test
  void aClaimPlannedForAnEmptyOutboxVacuumsItAtOnce() throws Exception {
    String app = scenario.createApp("stale").getString("id");
    String script = scenario.createScript(app, "return 1;");
    execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
    try {
      TestServer.get().awaitNoDueWork();
      enqueue(app, script, 20_000, "now() + interval '1 hour'");
      execute("ANALYZE outbox");
      execute("DELETE FROM outbox WHERE app_id = '%s'".formatted(app));
      execute("VACUUM outbox");
      long before = manualVacuums();

      int queued = 50_000;
      enqueue(app, script, queued, DUE_NOW);
      await("the node vacuumed the outbox", () -> manualVacuums() > before);

      int left = TestServer.get().count("SELECT count(*) FROM outbox WHERE app_id = ?::uuid", app);
      assertThat(queued - left).as("rows taken before the vacuum").isLessThan(OutboxVacuum.ROWS);
    } finally {
      execute("DELETE FROM outbox WHERE app_id = '%s' AND claimed_by IS NULL".formatted(app));
      execute("ALTER TABLE outbox RESET (autovacuum_enabled)");
      TestServer.get().awaitNoDueWork();
    }
  }

  /** Queues {@code count} rows of a trivial async request, due at {@code due} (SQL). */
  private static void enqueue(String app, String script, int count, String due)
      throws SQLException {
    try (Connection db = TestServer.get().connect();
        PreparedStatement enqueue =
            db.prepareStatement(
                """
                INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id,
                  root_execution_id, next_attempt_at)
                SELECT ?::uuid, 'http', ?::uuid, '{"request":{"method":"POST","path":"/",
                  "headers":{},"query":{},"queryAll":{},"params":{},"rest":"","body":null}}',
                  e, e, %s
                FROM (SELECT gen_random_uuid() e FROM generate_series(1, ?)) rows"""
                    .formatted(due))) {
      enqueue.setString(1, app);
      enqueue.setString(2, script);
      enqueue.setInt(3, count);
      enqueue.executeUpdate();
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
