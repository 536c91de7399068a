package dev.picloud.routes.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routes admin API. */
class RoutesIT {
  private final Scenario scenario = Scenario.onTestServer();
  private Api owner;
  private String app;
  private String script;
  private String base;

  @BeforeEach
  void appWithScript() {
    owner = scenario.asOwner();
    app = scenario.createApp("routes").getString("id");
    script = scenario.createScript(app, "return 1;");
    base = "/api/v1/admin/apps/" + app + "/routes";
  }

  @Test
  void createListGetPatchDelete() {
    Api.Reply created =
        owner.post(
            base,
            "{\"script_id\":\""
                + script
                + "\",\"path\":\"/orders/:id\","
                + "\"path_kind\":\"param\",\"method\":\"get\",\"host\":\"API.Example.com.\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonObject route = created.json();
    assertThat(route.getString("method")).isEqualTo("GET");
    assertThat(route.getString("host")).isEqualTo("api.example.com");
    assertThat(route.getString("dispatch_mode")).isEqualTo("sync");
    String id = route.getString("id");

    assertThat(owner.get(base).array()).hasSize(1);
    assertThat(owner.get(base + "/" + id).json().getString("path")).isEqualTo("/orders/:id");
    JsonObject patched =
        owner.patch(base + "/" + id, "{\"method\":null,\"dispatch_mode\":\"async\"}").json();
    assertThat(patched.containsKey("method")).isFalse();
    assertThat(patched.getString("dispatch_mode")).isEqualTo("async");
    assertThat(owner.delete(base + "/" + id).status()).isEqualTo(204);
    assertThat(owner.get(base + "/" + id).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"path\":\"/api/v1/x\"}                              |path",
        "{\"path\":\"/health\"}                                |path",
        "{\"path\":\"/admin/panel\"}                           |path",
        "{\"path\":\"no-slash\"}                               |path",
        "{\"path\":\"/a/*/b\",\"path_kind\":\"prefix\"}        |path",
        "{\"path\":\"/a\",\"path_kind\":\"glob\"}              |path_kind",
        "{\"path\":\"/a\",\"method\":\"GE T\"}                 |method",
        "{\"path\":\"/a\",\"dispatch_mode\":\"later\"}         |dispatch_mode",
        "{\"path\":\"/a\",\"host\":\"bad host\"}               |host",
      })
  void invalidRoutesAre422NamingTheField(String fields, String field) {
    Api.Reply reply =
        owner.post(base, "{\"script_id\":\"" + script + "\"," + fields.trim().substring(1));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.json().getString("field")).isEqualTo(field.trim());
  }

  @Test
  void duplicatesAre409AndScriptsMustBelongToTheApp() {
    scenario.createRoute(app, script, "{\"path\":\"/twice\"}");
    Api.Reply twice = owner.post(base, "{\"script_id\":\"" + script + "\",\"path\":\"/twice\"}");
    assertThat(twice.status()).isEqualTo(409);

    String other = scenario.createApp("routes-other").getString("id");
    String foreign = scenario.createScript(other, "return 2;");
    Api.Reply reply = owner.post(base, "{\"script_id\":\"" + foreign + "\",\"path\":\"/x\"}");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().getString("field")).isEqualTo("script_id");
  }

  @Test
  void scriptsWithRoutesAreNotDeletedButTheAppCascades() {
    scenario.createRoute(app, script, "{\"path\":\"/kept\"}");
    Api.Reply refused = owner.delete("/api/v1/admin/apps/" + app + "/scripts/" + script);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("script_in_use");
    assertThat(owner.delete("/api/v1/admin/apps/" + app + "?cascade=true").status()).isEqualTo(204);
  }

  @Test
  void editorsWriteRoutesViewersDoNot() {
    Scenario.User viewer = scenario.newUser("route-viewer");
    scenario.addMember(app, viewer.username(), "viewer");
    Api asViewer = scenario.api().as(viewer.token());
    assertThat(asViewer.get(base).status()).isEqualTo(200);
    assertThat(asViewer.post(base, "{\"script_id\":\"" + script + "\",\"path\":\"/v\"}").status())
        .isEqualTo(403);
    Scenario.User editor = scenario.newUser("route-editor");
    scenario.addMember(app, editor.username(), "editor");
    assertThat(
            scenario
                .api()
                .as(editor.token())
                .post(base, "{\"script_id\":\"" + script + "\",\"path\":\"/e\"}")
                .status())
        .isEqualTo(201);
  }
}
