package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ids written at every run are version 7 UUIDs, in the order PostgreSQL sorts them: execution ids
 * of async and sync requests and of direct execution, and the ids of their logs.
 */
class TimeOrderedIdsIT {
  private final Scenario scenario = Scenario.onTestServer();
  private String app;
  private String script;
  private Api site;

  @BeforeEach
  void app() {
    JsonObject created = scenario.createApp("ids");
    app = created.getString("id");
    site = scenario.publicApi(created.getString("slug"));
    script = scenario.createScript(app, "return 1;");
  }

  @Test
  void anAcceptedRequestsExecutionIdSortsAfterAnEarlierOnesAndItsLogIdIsTimeOrdered()
      throws Exception {
    scenario.createRoute(app, script, "{\"path\":\"/later\",\"dispatch_mode\":\"async\"}");

    String first = site.post("/later", "{}").json().getString("execution_id");
    Thread.sleep(2);
    String second = site.post("/later", "{}").json().getString("execution_id");

    assertThat(UUID.fromString(first).version()).isEqualTo(7);
    assertThat(TestServer.get().count("SELECT (?::uuid < ?::uuid)::int", first, second)).isOne();
    assertThat(awaitLogIds(2)).extracting(UUID::version).containsOnly(7);
  }

  @Test
  void syncRequestsAndDirectExecutionsGetTimeOrderedExecutionAndLogIds() throws Exception {
    scenario.createRoute(app, script, "{\"path\":\"/now\"}");

    assertThat(site.get("/now").status()).isEqualTo(200);
    assertThat(scenario.execute(script, "{}").status()).isEqualTo(200);

    assertThat(awaitLogIds(2)).extracting(UUID::version).containsOnly(7);
    assertThat(
            TestServer.get()
                .count(
                    "SELECT count(*) FROM execution_logs WHERE app_id = ?::uuid"
                        + " AND substr(execution_id::text, 15, 1) = '7'",
                    app))
        .isEqualTo(2);
  }

  /** The ids of this app's logs, once there are {@code expected} of them. */
  private List<UUID> awaitLogIds(int expected) throws Exception {
    for (int i = 0; i < 100; i++) {
      List<UUID> ids = new ArrayList<>();
      try (Connection db = TestServer.get().connect();
          PreparedStatement query =
              db.prepareStatement("SELECT id FROM execution_logs WHERE app_id = ?::uuid")) {
        query.setString(1, app);
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            ids.add(row.getObject(1, UUID.class));
          }
        }
      }
      if (ids.size() >= expected) {
        return ids;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + expected + " logs of app " + app);
  }
}
