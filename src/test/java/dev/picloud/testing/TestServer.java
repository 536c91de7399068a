package dev.picloud.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The PiCloud every HTTP integration test talks to: one throwaway embedded PostgreSQL and one
 * Liberty process, started on first use and stopped when the test JVM exits. Set PICLOUD_DB_URL
 * (and _USER/_PASSWORD) to run against an external PostgreSQL instead.
 */
public final class TestServer {
  public static final String OWNER = "owner";
  public static final String OWNER_PASSWORD = "owner-password-for-tests";

  /** Fixed, so gate tests do not depend on the machine's core count. */
  public static final int MAX_CONCURRENT_EXECUTIONS = 4;

  /** Short retry backoff, so retry and dead-letter scenarios finish in about a second. */
  public static final long RETRY_BASE_MS = 200;

  private static TestServer instance;

  private final EmbeddedDatabase database;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private final LibertyServer liberty;

  private TestServer() {
    String external = System.getenv("PICLOUD_DB_URL");
    if (external == null) {
      database = EmbeddedDatabase.throwawayClosedByCaller();
      jdbcUrl = database.jdbcUrl() + "?options=-c%20TimeZone=" + TestDatabase.SESSION_TIME_ZONE;
      dbUser = EmbeddedDatabase.USER;
      dbPassword = EmbeddedDatabase.PASSWORD;
    } else {
      database = null;
      jdbcUrl = external;
      dbUser = System.getenv().getOrDefault("PICLOUD_DB_USER", "picloud");
      dbPassword = System.getenv().getOrDefault("PICLOUD_DB_PASSWORD", "picloud");
    }
    Map<String, String> env = new HashMap<>(LibertyServer.databaseEnv(jdbcUrl, dbUser, dbPassword));
    env.putAll(ownerEnv());
    env.put("PICLOUD_MAX_CONCURRENT_EXECUTIONS", Integer.toString(MAX_CONCURRENT_EXECUTIONS));
    env.put("PICLOUD_TRIGGER_RETRY_BASE_MS", Long.toString(RETRY_BASE_MS));
    liberty = new LibertyServer(Path.of("target/it-server"), freePort(), env, false);
  }

  /** The bootstrap owner every test server starts with. */
  public static Map<String, String> ownerEnv() {
    return Map.of("PICLOUD_ADMIN_USERNAME", OWNER, "PICLOUD_ADMIN_PASSWORD", OWNER_PASSWORD);
  }

  /** The shared server, started (and ready) on first call. */
  public static synchronized TestServer get() {
    if (instance == null) {
      TestServer server = new TestServer();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "picloud-test-server-stop"));
      server.liberty.start().awaitReady();
      instance = server;
    }
    return instance;
  }

  public Api api() {
    return new Api(liberty.baseUri());
  }

  public LibertyServer liberty() {
    return liberty;
  }

  /** Creates an empty database on the same PostgreSQL and returns its JDBC URL. */
  public String createDatabase(String name) throws SQLException {
    try (Connection db = connect();
        var statement = db.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  public Map<String, String> databaseEnv(String url) {
    return LibertyServer.databaseEnv(url, dbUser, dbPassword);
  }

  /** A direct connection for fixtures that cannot be made through the API (an expired key…). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
  }

  /** The single number a counting query answers, its placeholders bound to {@code params}. */
  public int count(String sql, String... params) throws SQLException {
    try (Connection db = connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        query.setString(i + 1, params[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /**
   * Waits until no app of the shared server has outbox work claimed or due, so a test that fills
   * the execution gate (shared by every app) is not competing with other tests' leftovers.
   */
  public void awaitNoDueWork() throws SQLException, InterruptedException {
    String due =
        "SELECT count(*) FROM outbox WHERE claimed_by IS NOT NULL OR next_attempt_at <= now()";
    try (Connection db = connect();
        PreparedStatement count = db.prepareStatement(due)) {
      for (int i = 0; i < 600; i++) {
        try (ResultSet row = count.executeQuery()) {
          row.next();
          if (row.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the shared server still has outbox work due after 60 s");
  }

  private void stop() {
    liberty.stop();
    if (database != null) {
      database.close();
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
