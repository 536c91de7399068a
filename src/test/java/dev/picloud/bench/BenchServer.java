package dev.picloud.bench;

import dev.picloud.testing.Api;
import dev.picloud.testing.EmbeddedDatabase;
import dev.picloud.testing.LibertyServer;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A throwaway embedded PostgreSQL and the Liberty server {@code ./mvnw package} prepared, on port
 * 8090, with the instance defaults (only the bootstrap owner is set): what the load benchmarks run
 * against. The database does not wait for the disk unless {@code -Dbench.durable=true} (then every
 * commit waits for its WAL flush, as an operator's does). Closing stops both.
 */
final class BenchServer implements AutoCloseable {
  private final EmbeddedDatabase db;
  private final LibertyServer server;

  private BenchServer(EmbeddedDatabase db, LibertyServer server) {
    this.db = db;
    this.server = server;
  }

  static BenchServer start(String name) {
    EmbeddedDatabase db =
        Boolean.getBoolean("bench.durable")
            ? EmbeddedDatabase.throwawayDurable()
            : EmbeddedDatabase.throwaway();
    Map<String, String> env =
        new HashMap<>(
            LibertyServer.databaseEnv(
                db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD));
    env.putAll(TestServer.ownerEnv());
    LibertyServer server = new LibertyServer(Path.of("target", name), 8090, env, false);
    try {
      server.start().awaitReady();
    } catch (RuntimeException e) {
      server.close();
      db.close();
      throw e;
    }
    return new BenchServer(db, server);
  }

  URI baseUri() {
    return server.baseUri();
  }

  Scenario scenario() {
    return new Scenario(new Api(server.baseUri()));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
  }

  /**
   * Blocks until the app has no outbox row left. Asks whether a row exists, every 50 ms: a count of
   * 10,000 rows every 10 ms took a third of the database's CPU away from the drain it measured.
   */
  void awaitEmptyOutbox(String appId) throws SQLException, InterruptedException {
    awaitCount(
        "SELECT count(*) FROM (SELECT 1 FROM outbox WHERE app_id = ?::uuid LIMIT 1) AS any_row",
        appId,
        0,
        50);
  }

  /** Blocks until {@code sql}, given the app id, counts {@code expected}; gives up after 10 min. */
  void awaitCount(String sql, String appId, long expected)
      throws SQLException, InterruptedException {
    awaitCount(sql, appId, expected, 10);
  }

  private void awaitCount(String sql, String appId, long expected, long pollMillis)
      throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    try (Connection c = connect();
        PreparedStatement count = c.prepareStatement(sql)) {
      count.setString(1, appId);
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet row = count.executeQuery()) {
          row.next();
          if (row.getLong(1) == expected) {
            return;
          }
        }
        Thread.sleep(pollMillis);
      }
    }
    throw new IllegalStateException(sql + " never counted " + expected + " within 10 minutes");
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      db.close();
    }
  }
}
