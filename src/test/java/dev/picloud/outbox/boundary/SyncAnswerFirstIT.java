package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A sync request whose run has nothing to commit is answered before its outbox row is deleted: the
 * delete is bookkeeping its caller does not wait for. Shown by holding the delete back with a
 * trigger that waits on an advisory lock this test holds: the caller still gets its answer, well
 * within its wait budget, while the row is still in the outbox; once the lock is let go the row is
 * deleted.
 */
class SyncAnswerFirstIT {
  private static final long HOLD = 4_242_001L;

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void theCallerIsAnsweredWhileItsRowsDeleteIsHeldBack() throws Exception {
    JsonObject created = scenario.createApp("answer-first");
    String app = created.getString("id");
    // A 1 s timeout makes the wait budget 3 s: a caller waiting for the held delete would get 504.
    String script =
        scenario.createScript(
            app,
            "return {n: ctx.request.query.n};",
            Json.createObjectBuilder().add("timeout_seconds", 1));
    scenario.createRoute(app, script, "{\"path\":\"/now\"}");
    Api site = scenario.publicApi(created.getString("slug"));
    String function = "hold_outbox_delete_" + app.replace("-", "");
    try (Connection db = TestServer.get().connect();
        Statement sql = db.createStatement()) {
      sql.execute(
          "CREATE FUNCTION "
              + function
              + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF OLD.app_id = '"
              + app
              + "' THEN PERFORM pg_advisory_xact_lock("
              + HOLD
              + "); END IF; RETURN OLD; END $$");
      sql.execute(
          "CREATE TRIGGER "
              + function
              + " BEFORE DELETE ON outbox FOR EACH ROW EXECUTE FUNCTION "
              + function
              + "()");
      sql.execute("SELECT pg_advisory_lock(" + HOLD + ")");
      try {
        Api.Reply reply = site.get("/now?n=7");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("n")).isEqualTo("7");
        assertThat(rowsOf(db, app)).as("the row's delete is still held back").isEqualTo(1);
      } finally {
        sql.execute("SELECT pg_advisory_unlock(" + HOLD + ")");
        sql.execute("DROP TRIGGER " + function + " ON outbox");
        sql.execute("DROP FUNCTION " + function + "()");
      }
      awaitNoRows(db, app);
    }
  }

  private static void awaitNoRows(Connection db, String app)
      throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (rowsOf(db, app) > 0) {
      assertThat(Instant.now()).as("the row was deleted once let go").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static long rowsOf(Connection db, String app) throws SQLException {
    try (PreparedStatement count =
        db.prepareStatement("SELECT count(*) FROM outbox WHERE app_id = ?::uuid")) {
      count.setString(1, app);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
