package dev.picloud.auth.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationIT {
  private final Scenario scenario = Scenario.onTestServer();
  private final Api api = scenario.api();

  @Test
  void everyBadCredentialIsAnsweredWithTheSame401() throws Exception {
    String ownerSession = scenario.ownerToken();
    String good = scenario.key(ownerSession, null, "script:read");
    String revoked = scenario.key(ownerSession, null, "script:read");
    revoke(ownerSession, revoked);
    String expired = scenario.key(ownerSession, null, "script:read");
    expire(expired);
    Scenario.User gone = scenario.newUser("gone");
    deactivate(gone.id());

    Map<String, Api> callers = new LinkedHashMap<>();
    callers.put("missing", api);
    callers.put("not bearer", api.with("Authorization", "Basic b3duZXI6eA=="));
    callers.put("malformed key", api.as("pic_short"));
    callers.put("unknown key", api.as("pic_" + "A".repeat(43)));
    callers.put("wrong secret", api.as(good.substring(0, 12) + "B".repeat(good.length() - 12)));
    callers.put("revoked key", api.as(revoked));
    callers.put("expired key", api.as(expired));
    callers.put("unknown session", api.as("pis_" + "C".repeat(43)));
    callers.put("deactivated user", api.as(gone.token()));
    callers.put("unknown cookie", api.with("Cookie", "picloud_session=pis_nope"));

    String expectedBody = null;
    for (var entry : callers.entrySet()) {
      Api.Reply reply = entry.getValue().get("/api/v1/admin/apps");
      assertThat(reply.status()).as(entry.getKey()).isEqualTo(401);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
      if (expectedBody == null) {
        expectedBody = reply.body();
      }
      assertThat(reply.body()).as(entry.getKey()).isEqualTo(expectedBody);
    }
    assertThat(api.as(good).get("/api/v1/admin/apps").status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordAndUnknownUserLookTheSame() {
    Api.Reply wrong =
        api.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + TestServer.OWNER + "\",\"password\":\"not-the-password\"}");
    Api.Reply unknown =
        api.post(
            "/api/v1/auth/login",
            "{\"username\":\"nobody-here\",\"password\":\"not-the-password\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body());
    assertThat(wrong.body()).doesNotContain("not-the-password");
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() {
    Scenario.User user = scenario.newUser("cookie");
    Api.Reply login =
        api.post(
            "/api/v1/auth/login",
            "{\"username\":\""
                + user.username()
                + "\",\"password\":\""
                + Scenario.PASSWORD
                + "\"}");
    String cookie = login.header("Set-Cookie");
    assertThat(cookie)
        .contains("picloud_session=pis_")
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    String token = login.json().getString("token");
    assertThat(login.json().getString("expires_at")).endsWith("Z");

    Api viaCookie = api.with("Cookie", "picloud_session=" + token);
    assertThat(viaCookie.get("/api/v1/auth/me").json().getString("credential"))
        .isEqualTo("session");

    assertThat(api.as(token).post("/api/v1/auth/logout", null).status()).isEqualTo(204);
    assertThat(api.as(token).get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(viaCookie.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void cookieAuthenticatedWritesNeedTheCsrfHeader() {
    Api viaCookie = api.with("Cookie", "picloud_session=" + scenario.ownerToken());
    String body = "{\"slug\":\"" + Scenario.unique("csrf") + "\"}";

    Api.Reply without = viaCookie.post("/api/v1/admin/apps", body);
    assertThat(without.status()).isEqualTo(403);
    assertThat(
            viaCookie
                .with("X-Requested-With", "dashboard")
                .post("/api/v1/admin/apps", body)
                .status())
        .isEqualTo(201);
    assertThat(
            api.as(scenario.ownerToken())
                .post("/api/v1/admin/apps", "{\"slug\":\"" + Scenario.unique("csrf") + "\"}")
                .status())
        .isEqualTo(201);
  }

  @Test
  void meDescribesAKeyWithItsScopesAndBinding() {
    String appId = scenario.createApp("me").getString("id");
    String key = scenario.key(scenario.ownerToken(), appId, "log:read", "script:read");
    var me = api.as(key).get("/api/v1/auth/me").json();
    assertThat(me.getString("credential")).isEqualTo("api_key");
    assertThat(me.getJsonArray("scopes").toString()).isEqualTo("[\"log:read\",\"script:read\"]");
    assertThat(me.getString("app_id")).isEqualTo(appId);
  }

  @Test
  void keysAreShownOnceAndListedWithoutTheSecret() {
    Api.Reply created = scenario.createKey(scenario.ownerToken(), null, "script:read");
    String key = created.json().getString("key");
    assertThat(key).startsWith("pic_").hasSize(47);
    String listed = api.as(scenario.ownerToken()).get("/api/v1/admin/api-keys").body();
    assertThat(listed).contains(created.json().getString("id")).doesNotContain(key);
    assertThat(api.as(key).get("/api/v1/admin/api-keys").body()).doesNotContain(key);
  }

  @Test
  void lastUsedAtIsRecorded() {
    Api.Reply created = scenario.createKey(scenario.ownerToken(), null, "script:read");
    api.as(created.json().getString("key")).get("/api/v1/admin/apps");
    String id = created.json().getString("id");
    var mine = api.as(scenario.ownerToken()).get("/api/v1/admin/api-keys").array();
    var key =
        mine.stream()
            .map(v -> v.asJsonObject())
            .filter(k -> k.getString("id").equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(key.getString("last_used_at")).endsWith("Z");
  }

  private void revoke(String session, String key) {
    var keys = api.as(session).get("/api/v1/admin/api-keys").array();
    String prefix = key.substring(0, 12);
    String keyId =
        keys.stream()
            .map(v -> v.asJsonObject())
            .filter(k -> k.getString("prefix").equals(prefix))
            .findFirst()
            .orElseThrow()
            .getString("id");
    assertThat(api.as(session).delete("/api/v1/admin/api-keys/" + keyId).status()).isEqualTo(204);
  }

  /** The API refuses a past expiry, so the fixture moves it into the past in the database. */
  private static void expire(String key) throws Exception {
    try (Connection db = TestServer.get().connect();
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE prefix = ?")) {
      update.setString(1, key.substring(0, 12));
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private void deactivate(String userId) {
    Api.Reply reply =
        scenario.asOwner().patch("/api/v1/admin/users/" + userId, "{\"is_active\":false}");
    assertThat(reply.status()).isEqualTo(200);
  }
}
