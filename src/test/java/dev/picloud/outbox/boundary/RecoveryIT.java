package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.EmbeddedDatabase;
import dev.picloud.testing.LibertyServer;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults on a server of its own (SECURITY "Faults"): a kill -9 while rows are claimed, a result
 * that comes after its caller's budget, PostgreSQL restarting under the server.
 */
class RecoveryIT {
  private static final String NODE = "recovery-node";
  private static Path data;
  private static int dbPort;
  private static EmbeddedDatabase database;
  private static Map<String, String> env;
  private static LibertyServer server;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("picloud-recovery");
    dbPort = TestServer.freePort();
    database = EmbeddedDatabase.restartable(data.resolve("pg"), dbPort);
    env =
        new HashMap<>(
            LibertyServer.databaseEnv(
                database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD));
    env.putAll(TestServer.ownerEnv());
    env.put("PICLOUD_NODE_ID", NODE);
    env.put("PICLOUD_OUTBOX_LEASE_SECONDS", "5");
    env.put("PICLOUD_SYNC_WAIT_GRACE_MS", "0");
    env.put("PICLOUD_MAX_CONCURRENT_EXECUTIONS", "4");
    server = newServer().start().awaitReady();
  }

  @AfterAll
  static void stop() {
    server.stop();
    database.close();
  }

  @Test
  void aResultAfterTheCallersBudgetBecomesAnAbandonedExecution() throws Exception {
    Scenario scenario = scenario();
    JsonObject app = scenario.createApp("late");
    String loop =
        scenario.createScript(
            app.getString("id"),
            "while (true) {}",
            Json.createObjectBuilder()
                .add("timeout_seconds", 1)
                .add("limits", Json.createObjectBuilder().add("operations", 10_000_000_000L)));
    scenario.createRoute(app.getString("id"), loop, "{\"path\":\"/late\"}");

    Api.Reply reply = scenario.publicApi(app.getString("slug")).get("/late");
    assertThat(reply.status()).isEqualTo(504);
    assertThat(
            awaitCount(
                "SELECT count(*) FROM abandoned_executions WHERE app_id = '"
                    + app.getString("id")
                    + "' AND status_code = 504",
                1))
        .isEqualTo(1);
  }

  @Test
  void rowsClaimedByAKilledServerRunAgainAfterRestart() throws Exception {
    Scenario scenario = scenario();
    JsonObject app = scenario.createApp("crash");
    String appId = app.getString("id");
    Api site = busyAsyncWork(scenario, app, 1500);
    List<String> executions = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      executions.add(site.post("/work", "{}").json().getString("execution_id"));
    }
    // Every execution slot holds a run that has well over a second to go when the server dies.
    awaitCount(
        "SELECT count(*) FROM outbox WHERE app_id = '" + appId + "' AND claimed_by IS NOT NULL", 4);

    server.kill();
    server = newServer().start().awaitReady();

    awaitCount("SELECT count(*) FROM outbox WHERE app_id = '" + appId + "'", 0);
    for (String execution : executions) {
      assertThat(
              count(
                  "SELECT count(*) FROM execution_logs WHERE execution_id = '"
                      + execution
                      + "' AND status = 'success'"))
          .as("execution %s succeeded once", execution)
          .isEqualTo(1);
    }
    assertThat(
            count(
                "SELECT count(*) FROM execution_logs WHERE app_id = '"
                    + appId
                    + "' AND attempt = 2 AND status = 'success'"))
        .as("re-run attempts are recorded")
        .isPositive();
  }

  /**
   * SIGTERM: the runs under way finish, nothing stays claimed, and what the platform logs while it
   * stops reaches messages.log (JUL's own exit hook used to reset the loggers first).
   */
  @Test
  void aGracefulStopLeavesNothingClaimedAndLogsIt() throws Exception {
    Scenario scenario = scenario();
    JsonObject app = scenario.createApp("sigterm");
    String appId = app.getString("id");
    Api site = busyAsyncWork(scenario, app, 1000);
    for (int i = 0; i < 12; i++) {
      assertThat(site.post("/work", "{}").status()).isEqualTo(202);
    }
    awaitCount(
        "SELECT count(*) FROM outbox WHERE app_id = '" + appId + "' AND claimed_by IS NOT NULL", 4);

    server.stop();
    try {
      assertThat(server.log()).contains("Dispatcher stopped; released ");
      assertThat(count("SELECT count(*) FROM outbox WHERE claimed_by IS NOT NULL")).isZero();
      assertThat(count("SELECT count(*) FROM outbox WHERE app_id = '" + appId + "'"))
          .as("rows not started wait for the next start")
          .isPositive();
    } finally {
      server = newServer().start().awaitReady();
    }
  }

  @Test
  void theServerRidesOutADatabaseRestart() throws Exception {
    Scenario scenario = scenario();
    JsonObject app = scenario.createApp("dbdown");
    String script = scenario.createScript(app.getString("id"), "return 'up';");
    scenario.createRoute(app.getString("id"), script, "{\"path\":\"/ping\"}");
    scenario.createRoute(
        app.getString("id"), script, "{\"path\":\"/later\",\"dispatch_mode\":\"async\"}");
    Api site = scenario.publicApi(app.getString("slug"));
    assertThat(site.get("/ping").status()).isEqualTo(200);

    database.close();
    Api.Reply down = site.get("/ping");
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.code()).isEqualTo("backend_unavailable");
    Api.Reply notAccepted = site.post("/later", "{}");
    assertThat(notAccepted.status()).isEqualTo(503);
    assertThat(notAccepted.code()).isEqualTo("backend_unavailable");
    assertThat(new Api(server.baseUri()).get("/health/ready").status()).isEqualTo(503);

    database = EmbeddedDatabase.restartable(data.resolve("pg"), dbPort);
    server.awaitReady();
    Api.Reply again = null;
    for (int i = 0; i < 50 && (again == null || again.status() != 200); i++) {
      again = site.get("/ping");
      Thread.sleep(200);
    }
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("\"up\"");
    assertThat(count("SELECT count(*) FROM outbox WHERE app_id = '" + app.getString("id") + "'"))
        .as("the refused async request left nothing behind")
        .isZero();
    assertThat(site.post("/later", "{}").status()).isEqualTo(202);
  }

  /**
   * An async route {@code /work} whose script keeps its thread busy for {@code millis} and returns
   * its attempt; the public API of the app.
   */
  private static Api busyAsyncWork(Scenario scenario, JsonObject app, int millis) {
    String appId = app.getString("id");
    String busy =
        scenario.createScript(
            appId,
            "var until = Date.now() + "
                + millis
                + "; while (Date.now() < until) {} return ctx.attempt;",
            Json.createObjectBuilder()
                .add(
                    "limits",
                    Json.createObjectBuilder()
                        .add("operations", 10_000_000_000L)
                        .add("allocation_bytes", 4L * 1024 * 1024 * 1024)));
    scenario.createRoute(appId, busy, "{\"path\":\"/work\",\"dispatch_mode\":\"async\"}");
    return scenario.publicApi(app.getString("slug"));
  }

  private static LibertyServer newServer() {
    return new LibertyServer(data.resolve("liberty"), serverPort(), env, false);
  }

  private static int port;

  private static int serverPort() {
    if (port == 0) {
      port = TestServer.freePort();
    }
    return port;
  }

  private static Scenario scenario() {
    return new Scenario(new Api(server.baseUri()));
  }

  private static int awaitCount(String sql, int expected) throws Exception {
    int actual = -1;
    for (int i = 0; i < 300 && actual != expected; i++) {
      actual = count(sql);
      if (actual != expected) {
        Thread.sleep(100);
      }
    }
    return actual;
  }

  private static int count(String sql) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }
}
