package dev.picloud.triggers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The triggers admin API and dead-letter triggers over HTTP. */
class TriggersIT {
  private final Scenario scenario = Scenario.onTestServer();
  private Api owner;
  private String app;
  private String slug;
  private String script;
  private String base;

  @BeforeEach
  void app() {
    owner = scenario.asOwner();
    JsonObject created = scenario.createApp("triggers");
    app = created.getString("id");
    slug = created.getString("slug");
    script = scenario.createScript(app, "return 1;");
    base = "/api/v1/admin/apps/" + app + "/triggers";
  }

  @Test
  void kvTriggersAreCreatedWithTheInstanceRetryDefaultsListedPatchedAndDeleted() {
    Api.Reply created =
        owner.post(
            base + "/kv",
            "{\"script_id\":\""
                + script
                + "\",\"collection_glob\":\"orders*\",\"ops\":[\"insert\",\"update\"]}");
    assertThat(created.status()).isEqualTo(201);
    JsonObject trigger = created.json();
    assertThat(trigger.getString("kind")).isEqualTo("kv");
    assertThat(trigger.getBoolean("enabled")).isTrue();
    assertThat(trigger.getInt("retry_max_attempts")).isEqualTo(3);
    assertThat(trigger.getString("retry_backoff")).isEqualTo("exponential");
    assertThat(trigger.getJsonNumber("retry_base_ms").longValue())
        .isEqualTo(TestServer.RETRY_BASE_MS);
    String id = trigger.getString("id");

    assertThat(owner.get(base).array()).hasSize(1);
    JsonObject patched =
        owner
            .patch(
                base + "/" + id,
                "{\"enabled\":false,\"retry_backoff\":\"linear\",\"retry_max_attempts\":5}")
            .json();
    assertThat(patched.getBoolean("enabled")).isFalse();
    assertThat(patched.getString("retry_backoff")).isEqualTo("linear");
    assertThat(owner.delete(base + "/" + id).status()).isEqualTo(204);
    assertThat(owner.get(base + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void theCollectionCannotBeDeletedAtOnceAndScriptsMustBelongToTheApp() {
    Api.Reply all = owner.delete(base);
    assertThat(all.status()).isEqualTo(405);
    assertThat(all.code()).isEqualTo("method_not_allowed");

    String other = scenario.createApp("triggers-other").getString("id");
    String foreign = scenario.createScript(other, "return 2;");
    Api.Reply reply =
        owner.post(base + "/kv", "{\"script_id\":\"" + foreign + "\",\"collection_glob\":\"*\"}");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().getString("field")).isEqualTo("script_id");
    Api.Reply badGlob =
        owner.post(base + "/kv", "{\"script_id\":\"" + script + "\",\"collection_glob\":\"*x\"}");
    assertThat(badGlob.json().getString("field")).isEqualTo("collection_glob");
    Api.Reply badOps =
        owner.post(
            base + "/kv",
            "{\"script_id\":\"" + script + "\",\"collection_glob\":\"x\",\"ops\":[\"upsert\"]}");
    assertThat(badOps.json().getString("field")).isEqualTo("ops");
  }

  @Test
  void onlyAppAdminsManageTriggers() {
    Scenario.User editor = scenario.newUser("trigger-editor");
    scenario.addMember(app, editor.username(), "editor");
    Api asEditor = scenario.api().as(editor.token());
    assertThat(asEditor.get(base).status()).isEqualTo(200);
    assertThat(
            asEditor
                .post(base + "/kv", "{\"script_id\":\"" + script + "\",\"collection_glob\":\"*\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void aScriptUsedByATriggerIsNotDeleted() {
    owner.post(base + "/kv", "{\"script_id\":\"" + script + "\",\"collection_glob\":\"*\"}");
    Api.Reply refused = owner.delete("/api/v1/admin/apps/" + app + "/scripts/" + script);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("script_in_use");
  }

  @Test
  void aDeadLetterFiresItsHandlerOnceAndAFailingHandlerMarksIt() throws Exception {
    String failing = scenario.createScript(app, "throw new Error('route fails');");
    String route =
        scenario.createRoute(app, failing, "{\"path\":\"/fails\",\"dispatch_mode\":\"async\"}");
    String handler =
        scenario.createScript(
            app,
            "log.info(ctx.event.source, ctx.event.deadLetter.original.op, ctx.event.deadLetter.attempts);"
                + " throw new Error('handler fails too');");
    owner.post(
        base + "/dead_letter",
        "{\"script_id\":\""
            + handler
            + "\",\"source_filter\":\"http\",\"trigger_id_filter\":\""
            + route
            + "\"}");

    String execution =
        scenario.publicApi(slug).post("/fails", "{}").json().getString("execution_id");
    String resolution = awaitResolution(execution);
    assertThat(resolution).isEqualTo("handler_failed");
    assertThat(
            query(
                "SELECT resolved_at IS NULL FROM dead_letters WHERE execution_id = ?::uuid",
                execution))
        .isEqualTo("t");
    assertThat(query("SELECT count(*) FROM execution_logs WHERE script_id = ?::uuid", handler))
        .as("the handler ran once, without retries")
        .isEqualTo("1");
    JsonObject log =
        owner
            .get("/api/v1/admin/apps/" + app + "/executions?script=" + handler)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(log.getString("invocation")).isEqualTo("trigger");
    assertThat(log.getJsonArray("logs").getJsonObject(0).getString("message"))
        .isEqualTo("dead_letter POST 3");
    assertThat(log.getString("root_execution_id")).isEqualTo(execution);
  }

  private String awaitResolution(String execution) throws Exception {
    for (int i = 0; i < 100; i++) {
      String resolution =
          query(
              "SELECT coalesce(resolution, '') FROM dead_letters WHERE execution_id = ?::uuid",
              execution);
      if (resolution != null && !resolution.isEmpty()) {
        Thread.sleep(300);
        return resolution;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the dead letter of " + execution + " was never marked");
  }

  private static String query(String sql, String param) throws Exception {
    try (Connection db = TestServer.get().connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, param);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
