package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * A run whose lease was taken over while it ran cannot commit its writes: the rescuer requeues the
 * row, a second run takes it, and only the second run's writes (and settle) land.
 */
class LeaseTakeoverIT {
  private static final JsonObject BUSY_LIMITS =
      Json.createObjectBuilder()
          .add("operations", 10_000_000_000L)
          .add("allocation_bytes", 4L * 1024 * 1024 * 1024)
          .build();

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void aRunThatLostItsLeaseCommitsNothing() throws Exception {
    JsonObject app = scenario.createApp("lease");
    String appId = app.getString("id");
    String slow =
        scenario.createScript(
            appId,
            "kv.collection('lease').set('run-' + ctx.attempt, true);"
                + " var until = Date.now() + 2500; while (Date.now() < until) {}",
            Json.createObjectBuilder().add("limits", BUSY_LIMITS));
    scenario.createRoute(appId, slow, "{\"path\":\"/slow\",\"dispatch_mode\":\"async\"}");
    String execution =
        scenario
            .publicApi(app.getString("slug"))
            .post("/slow", "{}")
            .json()
            .getString("execution_id");

    awaitCount(
        "SELECT count(*) FROM outbox WHERE execution_id = ?::uuid AND claimed_by IS NOT NULL",
        execution,
        1);
    update(
        "UPDATE outbox SET lease_expires_at = now() - interval '1 second' WHERE execution_id = ?::uuid",
        execution);
    awaitCount("SELECT count(*) FROM outbox WHERE execution_id = ?::uuid", execution, 0);
    Thread.sleep(500);

    Api owner = scenario.asOwner();
    assertThat(owner.get("/api/v1/admin/apps/" + appId + "/kv/lease/run-2").body())
        .isEqualTo("true");
    assertThat(owner.get("/api/v1/admin/apps/" + appId + "/kv/lease/run-1").status())
        .as("the run that lost its lease wrote nothing")
        .isEqualTo(404);
  }

  private static void awaitCount(String sql, String param, int expected) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (TestServer.get().count(sql, param) == expected) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(sql + " never counted " + expected);
  }

  private static void update(String sql, String param) throws Exception {
    try (Connection db = TestServer.get().connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, param);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }
}
