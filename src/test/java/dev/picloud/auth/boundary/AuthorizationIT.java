package dev.picloud.auth.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 403 when authenticated but not allowed; 404 for apps the caller cannot see. */
class AuthorizationIT {
  private final Scenario scenario = Scenario.onTestServer();
  private String appId;
  private String otherAppId;

  @BeforeEach
  void apps() {
    appId = scenario.createApp("authz").getString("id");
    otherAppId = scenario.createApp("authz-other").getString("id");
  }

  @Test
  void viewerReadsButCannotWrite() {
    Api viewer = member("viewer");
    assertThat(viewer.get("/api/v1/admin/apps/" + appId).status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/admin/apps/" + appId + "/members").status()).isEqualTo(200);
    assertForbidden(viewer.patch("/api/v1/admin/apps/" + appId, "{\"name\":\"x\"}"));
    assertForbidden(
        viewer.post("/api/v1/admin/apps/" + appId + "/domains", "{\"host\":\"v.example.com\"}"));
  }

  @Test
  void editorCannotManageDomainsMembersOrTheApp() {
    Api editor = member("editor");
    assertForbidden(
        editor.post(
            "/api/v1/admin/apps/" + appId + "/domains",
            "{\"host\":\"" + Scenario.unique("e") + ".example.com\"}"));
    assertForbidden(
        editor.put(
            "/api/v1/admin/apps/" + appId + "/members/" + scenario.newUser("x").username(),
            "{\"role\":\"viewer\"}"));
    assertForbidden(editor.delete("/api/v1/admin/apps/" + appId));
  }

  @Test
  void appAdminManagesDomainsMembersAndTheApp() {
    Api admin = member("app_admin");
    assertThat(
            admin
                .post(
                    "/api/v1/admin/apps/" + appId + "/domains",
                    "{\"host\":\"" + Scenario.unique("a") + ".example.com\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .put(
                    "/api/v1/admin/apps/" + appId + "/members/" + scenario.newUser("y").username(),
                    "{\"role\":\"viewer\"}")
                .status())
        .isEqualTo(201);
    assertThat(admin.patch("/api/v1/admin/apps/" + appId, "{\"name\":\"mine\"}").status())
        .isEqualTo(200);
  }

  @Test
  void membersCannotCreateAppsOrManageUsers() {
    Api admin = member("app_admin");
    assertForbidden(
        admin.post("/api/v1/admin/apps", "{\"slug\":\"" + Scenario.unique("m") + "\"}"));
    assertForbidden(admin.get("/api/v1/admin/users"));
    assertForbidden(
        admin.post(
            "/api/v1/admin/users", "{\"username\":\"zz-top\",\"password\":\"long-password-1\"}"));
  }

  @Test
  void appsOfOthersAreNotFoundAndNotListed() {
    Api admin = member("app_admin");
    assertThat(admin.get("/api/v1/admin/apps/" + otherAppId).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/admin/apps/no-such-app").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/admin/apps").body()).contains(appId).doesNotContain(otherAppId);
  }

  @Test
  void keyScopesLimitEvenTheOwner() {
    String readOnly = scenario.key(scenario.ownerToken(), null, "script:read");
    Api key = scenario.api().as(readOnly);
    assertThat(key.get("/api/v1/admin/apps/" + appId).status()).isEqualTo(200);
    assertForbidden(key.patch("/api/v1/admin/apps/" + appId, "{\"name\":\"x\"}"));
    assertForbidden(key.post("/api/v1/admin/apps", "{\"slug\":\"" + Scenario.unique("k") + "\"}"));
    assertForbidden(key.get("/api/v1/admin/users"));

    String logsOnly = scenario.key(scenario.ownerToken(), null, "log:read");
    assertForbidden(scenario.api().as(logsOnly).get("/api/v1/admin/apps/" + appId));
  }

  @Test
  void boundKeySeesOnlyItsApp() {
    String bound =
        scenario.key(scenario.ownerToken(), appId, "script:read", "app:admin", "instance:admin");
    Api key = scenario.api().as(bound);
    assertThat(key.get("/api/v1/admin/apps/" + appId).status()).isEqualTo(200);
    assertThat(key.get("/api/v1/admin/apps/" + otherAppId).status()).isEqualTo(404);
    assertThat(key.get("/api/v1/admin/apps").body()).contains(appId).doesNotContain(otherAppId);
    assertForbidden(key.post("/api/v1/admin/apps", "{\"slug\":\"" + Scenario.unique("b") + "\"}"));
  }

  @Test
  void aKeyCannotMintAWiderKey() {
    String narrow = scenario.key(scenario.ownerToken(), null, "script:read", "log:read");
    assertForbidden(scenario.createKey(narrow, null, "script:read", "script:write"));
    assertThat(scenario.createKey(narrow, null, "log:read").status()).isEqualTo(201);

    String bound = scenario.key(scenario.ownerToken(), appId, "script:read");
    assertForbidden(scenario.createKey(bound, null, "script:read"));
    assertForbidden(scenario.createKey(bound, otherAppId, "script:read"));
    assertThat(scenario.createKey(bound, appId, "script:read").status()).isEqualTo(201);
  }

  @Test
  void aMemberCannotBindAKeyToAnAppTheyCannotSee() {
    Scenario.User user = scenario.newUser("binder");
    Api.Reply reply = scenario.createKey(user.token(), otherAppId, "script:read");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().getString("field")).isEqualTo("app_id");
  }

  @Test
  void usersCanOnlyRevokeTheirOwnKeys() {
    Scenario.User user = scenario.newUser("revoker");
    String ownerKeyId =
        scenario.createKey(scenario.ownerToken(), null, "script:read").json().getString("id");
    assertThat(
            scenario.api().as(user.token()).delete("/api/v1/admin/api-keys/" + ownerKeyId).status())
        .isEqualTo(404);
  }

  @Test
  void theLastOwnerCannotBeDemotedOrDeactivated() {
    String ownerId =
        scenario.asOwner().get("/api/v1/auth/me").json().getJsonObject("user").getString("id");
    Api.Reply demote =
        scenario
            .asOwner()
            .patch("/api/v1/admin/users/" + ownerId, "{\"instance_role\":\"member\"}");
    assertThat(demote.status()).isEqualTo(409);
    assertThat(demote.code()).isEqualTo("last_owner");
  }

  private Api member(String role) {
    Scenario.User user = scenario.newUser(role.replace('_', '-'));
    scenario.addMember(appId, user.username(), role);
    return scenario.api().as(user.token());
  }

  private static void assertForbidden(Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.code()).isEqualTo("forbidden");
  }
}
