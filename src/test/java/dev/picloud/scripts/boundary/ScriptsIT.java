package dev.picloud.scripts.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptsIT {
  private final Scenario scenario = Scenario.onTestServer();
  private Api owner;
  private String app;
  private String base;

  @BeforeEach
  void app() {
    owner = scenario.asOwner();
    app = scenario.createApp("scripts").getString("id");
    base = "/api/v1/admin/apps/" + app + "/scripts";
  }

  @Test
  void createListGetPatchDelete() {
    Api.Reply created = owner.post(base, "{\"name\":\"hello\",\"source\":\"return 1;\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonObject script = created.json();
    assertThat(script.getInt("version")).isEqualTo(1);
    assertThat(script.getJsonObject("limits")).isEmpty();
    assertThat(script.containsKey("timeout_seconds")).isFalse();
    String id = script.getString("id");

    JsonObject listed = owner.get(base).array().getJsonObject(0);
    assertThat(listed.getString("name")).isEqualTo("hello");
    assertThat(listed.containsKey("source")).as("lists leave the source out").isFalse();
    assertThat(owner.get(base + "/" + id).json().getString("source")).isEqualTo("return 1;");

    JsonObject renamed = owner.patch(base + "/" + id, "{\"name\":\"renamed\"}").json();
    assertThat(renamed.getInt("version")).as("a rename is not a new version").isEqualTo(1);
    JsonObject changed =
        owner.patch(base + "/" + id, "{\"source\":\"return 2;\",\"timeout_seconds\":3}").json();
    assertThat(changed.getInt("version")).isEqualTo(2);
    assertThat(changed.getInt("timeout_seconds")).isEqualTo(3);
    assertThat(owner.patch(base + "/" + id, "{\"source\":\"return 2;\"}").json().getInt("version"))
        .as("the same source is not a new version")
        .isEqualTo(2);

    assertThat(owner.delete(base + "/" + id).status()).isEqualTo(204);
    assertThat(owner.get(base + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void sourceThatDoesNotCompileIs422NamingLineAndColumn() {
    Api.Reply reply =
        owner.post(base, "{\"name\":\"broken\",\"source\":\"var a = 1;\\nreturn {;\"}");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.code()).isEqualTo("script_invalid");
    assertThat(reply.json().getString("detail")).startsWith("Line 2, column ");

    String id = scenario.createScript(app, "return 1;");
    Api.Reply patch = owner.patch(base + "/" + id, "{\"source\":\"return (;\"}");
    assertThat(patch.code()).isEqualTo("script_invalid");
    assertThat(owner.get(base + "/" + id).json().getString("source")).isEqualTo("return 1;");
  }

  @Test
  void limitsAreValidatedNamingTheKey() {
    Api.Reply unknown =
        owner.post(base, "{\"name\":\"a\",\"source\":\"1\",\"limits\":{\"speed\":1}}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().getString("detail")).contains("speed");
    Api.Reply negative =
        owner.post(base, "{\"name\":\"b\",\"source\":\"1\",\"limits\":{\"operations\":-5}}");
    assertThat(negative.json().getString("detail")).contains("operations");
    Api.Reply wallClock =
        owner.post(base, "{\"name\":\"c\",\"source\":\"1\",\"limits\":{\"wall_clock_ms\":5}}");
    assertThat(wallClock.json().getString("detail")).contains("timeout_seconds");
    Api.Reply timeout =
        owner.post(base, "{\"name\":\"d\",\"source\":\"1\",\"timeout_seconds\":100000}");
    assertThat(timeout.json().getString("field")).isEqualTo("timeout_seconds");
    Api.Reply ok =
        owner.post(base, "{\"name\":\"e\",\"source\":\"1\",\"limits\":{\"operations\":5000}}");
    assertThat(ok.json().getJsonObject("limits").getInt("operations")).isEqualTo(5000);
  }

  @Test
  void namesAreUniquePerApp() {
    assertThat(owner.post(base, "{\"name\":\"twice\",\"source\":\"1\"}").status()).isEqualTo(201);
    Api.Reply again = owner.post(base, "{\"name\":\"twice\",\"source\":\"1\"}");
    assertThat(again.status()).isEqualTo(409);
    String other = scenario.createApp("scripts-other").getString("id");
    assertThat(
            owner
                .post(
                    "/api/v1/admin/apps/" + other + "/scripts",
                    "{\"name\":\"twice\",\"source\":\"1\"}")
                .status())
        .isEqualTo(201);
  }

  @Test
  void viewersReadEditorsWrite() {
    String id = scenario.createScript(app, "return 1;");
    Scenario.User viewer = scenario.newUser("viewer");
    scenario.addMember(app, viewer.username(), "viewer");
    Api asViewer = scenario.api().as(viewer.token());
    assertThat(asViewer.get(base + "/" + id).status()).isEqualTo(200);
    assertThat(asViewer.post(base, "{\"name\":\"v\",\"source\":\"1\"}").status()).isEqualTo(403);
    assertThat(asViewer.post("/api/v1/execute/" + id, "{}").status()).isEqualTo(403);

    Scenario.User editor = scenario.newUser("editor");
    scenario.addMember(app, editor.username(), "editor");
    Api asEditor = scenario.api().as(editor.token());
    assertThat(asEditor.post(base, "{\"name\":\"e\",\"source\":\"1\"}").status()).isEqualTo(201);
    assertThat(asEditor.post("/api/v1/execute/" + id, "{}").status()).isEqualTo(200);
  }

  @Test
  void anAppWithScriptsIsDeletedOnlyWithCascade() {
    scenario.createScript(app, "return 1;");
    Api.Reply refused = owner.delete("/api/v1/admin/apps/" + app);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("app_not_empty");
    assertThat(owner.delete("/api/v1/admin/apps/" + app + "?cascade=true").status()).isEqualTo(204);
    assertThat(owner.get(base).status()).isEqualTo(404);
  }
}
