package dev.picloud.apps.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough: log in as the bootstrap owner, create a key, an app, a domain, a
 * member.
 */
class WalkthroughIT {
  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void ownerLogsInMintsKeyCreatesAppDomainAndMemberAndListsThem() {
    String session = scenario.login(TestServer.OWNER, TestServer.OWNER_PASSWORD);
    String key =
        scenario.key(session, null, "instance:admin", "script:read", "app:admin", "domain:manage");
    Api owner = scenario.api().as(key);
    String slug = Scenario.unique("walk");

    Api.Reply app =
        owner.post("/api/v1/admin/apps", "{\"slug\":\"" + slug + "\",\"name\":\"Walk\"}");
    assertThat(app.status()).isEqualTo(201);
    assertThat(app.header("Location")).endsWith("/api/v1/admin/apps/" + app.json().getString("id"));
    assertThat(app.json().getString("slug")).isEqualTo(slug);
    assertThat(app.json().getString("created_at")).endsWith("Z");

    Api.Reply domain =
        owner.post(
            "/api/v1/admin/apps/" + slug + "/domains", "{\"host\":\"" + slug + ".Example.org.\"}");
    assertThat(domain.status()).isEqualTo(201);
    assertThat(domain.json().getString("host")).isEqualTo(slug + ".example.org");

    String member = Scenario.unique("member");
    scenario.createUser(member);
    Api.Reply put =
        owner.put("/api/v1/admin/apps/" + slug + "/members/" + member, "{\"role\":\"editor\"}");
    assertThat(put.status()).isEqualTo(201);
    assertThat(
            owner
                .put("/api/v1/admin/apps/" + slug + "/members/" + member, "{\"role\":\"viewer\"}")
                .status())
        .isEqualTo(200);

    assertThat(
            owner.get("/api/v1/admin/apps").json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("slug")))
        .contains(slug);
    assertThat(
            owner
                .get("/api/v1/admin/apps/" + slug + "/domains")
                .array()
                .getJsonObject(0)
                .getString("host"))
        .isEqualTo(slug + ".example.org");
    JsonObject listed =
        owner.get("/api/v1/admin/apps/" + slug + "/members").array().getJsonObject(0);
    assertThat(listed.getString("username")).isEqualTo(member);
    assertThat(listed.getString("role")).isEqualTo("viewer");

    String memberToken = scenario.login(member, Scenario.PASSWORD);
    JsonObject me = scenario.api().as(memberToken).get("/api/v1/auth/me").json();
    assertThat(me.getJsonArray("memberships").getJsonObject(0).getString("app_slug"))
        .isEqualTo(slug);
    assertThat(me.getJsonObject("user").getString("instance_role")).isEqualTo("member");
  }

  @Test
  void appIsAddressableByIdOrSlugAndPatchAndDeleteWork() {
    Api owner = scenario.asOwner();
    JsonObject app = scenario.createApp("patch");
    String id = app.getString("id");

    Api.Reply patched =
        owner.patch(
            "/api/v1/admin/apps/" + app.getString("slug"),
            "{\"name\":\"Renamed\",\"description\":\"about\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(owner.get("/api/v1/admin/apps/" + id).json().getString("description"))
        .isEqualTo("about");

    Api.Reply cleared = owner.patch("/api/v1/admin/apps/" + id, "{\"description\":null}");
    assertThat(cleared.json().containsKey("description")).isFalse();
    assertThat(cleared.json().getString("name")).isEqualTo("Renamed");

    assertThat(owner.delete("/api/v1/admin/apps/" + id).status()).isEqualTo(204);
    assertThat(owner.get("/api/v1/admin/apps/" + id).status()).isEqualTo(404);
  }

  @Test
  void slugsAndHostsAreUniqueAcrossApps() {
    Api owner = scenario.asOwner();
    JsonObject first = scenario.createApp("uniq");
    JsonObject second = scenario.createApp("uniq");
    String host = first.getString("slug") + ".example.net";

    Api.Reply sameSlug =
        owner.post(
            "/api/v1/admin/apps",
            Json.createObjectBuilder().add("slug", first.getString("slug")).build().toString());
    assertThat(sameSlug.status()).isEqualTo(409);
    assertThat(sameSlug.code()).isEqualTo("slug_taken");

    assertThat(
            owner
                .post(
                    "/api/v1/admin/apps/" + first.getString("id") + "/domains",
                    "{\"host\":\"" + host + "\"}")
                .status())
        .isEqualTo(201);
    Api.Reply claimed =
        owner.post(
            "/api/v1/admin/apps/" + second.getString("id") + "/domains",
            "{\"host\":\"" + host.toUpperCase() + "\"}");
    assertThat(claimed.status()).isEqualTo(409);
    assertThat(claimed.code()).isEqualTo("host_claimed");
  }

  @Test
  void listsPageWithAnOpaqueCursor() {
    for (int i = 0; i < 3; i++) {
      scenario.createApp("page");
    }
    Api owner = scenario.asOwner();
    JsonObject first = owner.get("/api/v1/admin/apps?limit=2").json();
    assertThat(first.getJsonArray("items")).hasSize(2);
    String cursor = first.getString("next_cursor");
    JsonObject second = owner.get("/api/v1/admin/apps?limit=2&cursor=" + cursor).json();
    assertThat(second.getJsonArray("items").getJsonObject(0).getString("id"))
        .isNotIn(
            first.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList());
    assertThat(owner.get("/api/v1/admin/apps?limit=201").status()).isEqualTo(422);
    assertThat(owner.get("/api/v1/admin/apps?cursor=bogus").code()).isEqualTo("validation_failed");
    assertThat(first.get("next_cursor")).isInstanceOf(JsonString.class);
  }
}
