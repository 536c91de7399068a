package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Async routes: 202 after commit, runs through the dispatcher, retries, dead letters, keys. */
class AsyncRoutesIT {
  private final Scenario scenario = Scenario.onTestServer();
  private String app;
  private Api site;

  @BeforeEach
  void app() {
    JsonObject created = scenario.createApp("async");
    app = created.getString("id");
    site = scenario.publicApi(created.getString("slug"));
  }

  @Test
  void acceptedRequestsRunAndTheLocationLeadsToTheirLog() throws Exception {
    String script =
        scenario.createScript(
            app, "log.info('got', ctx.request.body.n); return {statusCode: 201};");
    scenario.createRoute(app, script, "{\"path\":\"/jobs\",\"dispatch_mode\":\"async\"}");

    Api.Reply accepted = site.post("/jobs", "{\"n\":5}");
    assertThat(accepted.status()).isEqualTo(202);
    String execution = accepted.json().getString("execution_id");
    assertThat(accepted.json().getString("accepted_at")).endsWith("Z");
    assertThat(accepted.header("Location"))
        .endsWith("/api/v1/admin/apps/" + app + "/executions/" + execution);

    JsonObject log = awaitLog(execution, 1);
    assertThat(log.getString("status")).isEqualTo("success");
    assertThat(log.getInt("response_code")).isEqualTo(201);
    assertThat(log.getString("invocation")).isEqualTo("http");
    assertThat(log.getInt("queued_ms")).isGreaterThanOrEqualTo(0);
    assertThat(log.getJsonArray("logs").getJsonObject(0).getString("message")).isEqualTo("got 5");
  }

  /** Concurrent requests share group commits: each must still get its own row and answer. */
  @Test
  void concurrentRequestsEachGetTheirOwnRowAndExecution() throws Exception {
    String script = scenario.createScript(app, "log.info(ctx.request.body.n); return 1;");
    scenario.createRoute(app, script, "{\"path\":\"/many\",\"dispatch_mode\":\"async\"}");
    int requests = 60;
    Map<Integer, String> executions = new ConcurrentHashMap<>();
    ExecutorService callers = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        sent.add(
            callers.submit(
                () -> {
                  Api.Reply accepted = site.post("/many", "{\"n\":" + n + "}");
                  assertThat(accepted.status()).isEqualTo(202);
                  executions.put(n, accepted.json().getString("execution_id"));
                }));
      }
      for (Future<?> call : sent) {
        call.get();
      }
    } finally {
      callers.shutdown();
    }
    assertThat(new HashSet<>(executions.values())).hasSize(requests);
    for (var entry : executions.entrySet()) {
      JsonObject log = awaitLog(entry.getValue(), 1);
      assertThat(log.getJsonArray("logs").getJsonObject(0).getString("message"))
          .as("execution %s ran request %d", entry.getValue(), entry.getKey())
          .isEqualTo(String.valueOf(entry.getKey()));
    }
  }

  @Test
  void aFailingRequestIsRetriedThenDeadLetteredWithItsWholeHistory() throws Exception {
    String script = scenario.createScript(app, "throw new Error('always fails ' + ctx.attempt);");
    scenario.createRoute(app, script, "{\"path\":\"/fails\",\"dispatch_mode\":\"async\"}");
    String execution = site.post("/fails", "{}").json().getString("execution_id");

    JsonObject deadLetter = awaitDeadLetter(execution);
    assertThat(deadLetter.getString("source")).isEqualTo("http");
    assertThat(deadLetter.getString("op")).isEqualTo("POST");
    assertThat(deadLetter.getInt("attempt_count")).isEqualTo(3);
    assertThat(deadLetter.getString("last_error")).contains("always fails 3");
    JsonArray errors = deadLetter.getJsonArray("errors");
    assertThat(errors).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(errors.getJsonObject(i).getString("code")).isEqualTo("script_error");
      assertThat(errors.getJsonObject(i).getInt("attempt")).isEqualTo(i + 1);
    }
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(awaitLog(execution, attempt).getString("status")).isEqualTo("error");
    }
    assertThat(pendingRows()).isZero();
  }

  /**
   * A row whose script is gone, or is another app's, is dead-lettered without running (written
   * straight to the table: no route leads there).
   */
  @Test
  void aRowWhoseScriptIsGoneOrAnotherAppsIsDeadLetteredUnrun() throws Exception {
    String elsewhere = scenario.createApp("elsewhere").getString("id");
    String othersScript = scenario.createScript(elsewhere, "return 'elsewhere';");
    List<String> executions = new ArrayList<>();
    for (String script : List.of(UUID.randomUUID().toString(), othersScript)) {
      executions.add(enqueue(script));
    }
    for (String execution : executions) {
      JsonObject deadLetter = awaitDeadLetter(execution);
      assertThat(deadLetter.getString("last_error")).contains("the script no longer exists");
      assertThat(deadLetter.getJsonArray("errors").getJsonObject(0).getString("code"))
          .isEqualTo("not_run");
    }
    assertThat(pendingRows()).isZero();
  }

  @Test
  void anIdempotencyKeyAnswersTheFirstAcceptanceAndEnqueuesOnce() throws Exception {
    String script = scenario.createScript(app, "return 1;");
    scenario.createRoute(app, script, "{\"path\":\"/once\",\"dispatch_mode\":\"async\"}");
    Api keyed = site.with("Idempotency-Key", "order-" + UUID.randomUUID());
    JsonObject first = keyed.post("/once", "{}").json();
    JsonObject second = keyed.post("/once", "{}").json();
    assertThat(second).isEqualTo(first);
    assertThat(site.post("/once", "{}").json().getString("execution_id"))
        .isNotEqualTo(first.getString("execution_id"));
    awaitLog(first.getString("execution_id"), 1);
    assertThat(runsOf(first.getString("execution_id"))).isOne();
  }

  @Test
  void pendingRowsAreListedWithTheirAttemptsAndLastError() throws Exception {
    String script = scenario.createScript(app, "throw new Error('not yet');");
    scenario.createRoute(app, script, "{\"path\":\"/pending\",\"dispatch_mode\":\"async\"}");
    String execution = site.post("/pending", "{}").json().getString("execution_id");
    JsonObject row = null;
    for (int i = 0; i < 200 && row == null; i++) {
      for (var item :
          scenario
              .asOwner()
              .get("/api/v1/admin/apps/" + app + "/outbox")
              .json()
              .getJsonArray("items")) {
        JsonObject candidate = item.asJsonObject();
        if (candidate.getString("execution_id").equals(execution)
            && candidate.containsKey("last_error")) {
          row = candidate;
        }
      }
      Thread.sleep(5);
    }
    assertThat(row).as("the row was listed between attempts").isNotNull();
    assertThat(row.getString("source_kind")).isEqualTo("http");
    assertThat(row.getInt("attempts")).isGreaterThanOrEqualTo(1);
    assertThat(row.getString("last_error")).contains("not yet");
  }

  private JsonObject awaitLog(String execution, int attempt) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      var items =
          scenario
              .asOwner()
              .get("/api/v1/admin/apps/" + app + "/executions?root=" + execution)
              .json()
              .getJsonArray("items");
      for (var item : items) {
        if (item.asJsonObject().getInt("attempt") == attempt) {
          return item.asJsonObject();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no log of attempt " + attempt + " of " + execution);
  }

  private JsonObject awaitDeadLetter(String execution) throws Exception {
    String sql =
        "SELECT source, op, attempt_count, last_error, errors::text FROM dead_letters"
            + " WHERE execution_id = ?::uuid";
    for (int i = 0; i < 150; i++) {
      try (Connection db = TestServer.get().connect();
          PreparedStatement query = db.prepareStatement(sql)) {
        query.setString(1, execution);
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            return Json.createObjectBuilder()
                .add("source", row.getString(1))
                .add("op", row.getString(2))
                .add("attempt_count", row.getInt(3))
                .add("last_error", row.getString(4))
                .add("errors", Json.createReader(new StringReader(row.getString(5))).readArray())
                .build();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no dead letter for " + execution);
  }

  /** An async row of this app due now for {@code script}; its execution id. */
  private String enqueue(String script) throws Exception {
    String execution = UUID.randomUUID().toString();
    try (Connection db = TestServer.get().connect();
        PreparedStatement insert =
            db.prepareStatement(
                """
                INSERT INTO outbox (app_id, source_kind, script_id, payload, execution_id,
                  root_execution_id)
                VALUES (?::uuid, 'http', ?::uuid, '{"request":{"method":"POST","path":"/"}}',
                  ?::uuid, ?::uuid)""")) {
      insert.setString(1, app);
      insert.setString(2, script);
      insert.setString(3, execution);
      insert.setString(4, execution);
      insert.executeUpdate();
    }
    return execution;
  }

  private int pendingRows() throws Exception {
    return TestServer.get().count("SELECT count(*) FROM outbox WHERE app_id = ?::uuid", app);
  }

  private int runsOf(String execution) throws Exception {
    return TestServer.get()
        .count("SELECT count(*) FROM execution_logs WHERE execution_id = ?::uuid", execution);
  }
}
