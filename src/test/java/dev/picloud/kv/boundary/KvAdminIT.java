package dev.picloud.kv.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin KV API over HTTP: {@code /api/v1/admin/apps/{app}/kv/{collection}[/{key}]}. */
class KvAdminIT {
  private final Scenario scenario = Scenario.onTestServer();
  private final Api owner = scenario.asOwner();
  private final String app = scenario.createApp("kv").getString("id");

  @Test
  void putCreatesThenReplacesGetReadsDeleteRemoves() {
    Api.Reply created = owner.put(entry("c", "k"), "{\"n\":1}");
    Api.Reply replaced = owner.put(entry("c", "k"), "{\"n\":2}");

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json()).isEqualTo(json("{\"n\":1}"));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(owner.get(entry("c", "k")).json()).isEqualTo(json("{\"n\":2}"));
    assertThat(owner.delete(entry("c", "k")).status()).isEqualTo(204);
    assertThat(owner.delete(entry("c", "k")).status()).isEqualTo(404);
    Api.Reply missing = owner.get(entry("c", "k"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("not_found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"text\"", "42", "-1.5", "true", "null", "[1,\"a\",null]", "{}"})
  void anyJsonValueIsAnEntry(String value) {
    assertThat(owner.put(entry("c", "any"), value).status()).isEqualTo(201);

    Api.Reply read = owner.get(entry("c", "any"));

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("Content-Type")).startsWith("application/json");
    assertThat(json(read.body())).isEqualTo(json(value));
  }

  @Test
  void keysWithSlashesSpacesAndUnicodeArePercentEncodedOrNot() {
    String key = "a/b c/ü😀?%;+";
    assertThat(owner.put(entry("c", key), "1").status()).isEqualTo(201);

    assertThat(owner.get(entry("c", key)).body()).isEqualTo("1");
    assertThat(owner.get("/api/v1/admin/apps/" + app + "/kv/c/a/b%20c/ü😀%3F%25%3B+").body())
        .isEqualTo("1");
    assertThat(owner.get(list("c", "")).json().getJsonArray("keys"))
        .isEqualTo(Json.createArrayBuilder().add(key).build());
  }

  @Test
  void theContainerRefusesEncodedSlashesAndHashesSoSuchKeysStayScriptOnly() {
    for (String segment : List.of("a%2Fb", "a%23b", "a%5Cb")) {
      Api.Reply reply = owner.put("/api/v1/admin/apps/" + app + "/kv/c/" + segment, "1");

      assertThat(reply.status()).as(segment).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("bad_path");
    }
    assertThat(owner.get(list("c", "")).json().getJsonArray("keys")).isEmpty();
  }

  @Test
  void aRawSemicolonStartsMatrixParametersSoItMustBeEncoded() {
    owner.put("/api/v1/admin/apps/" + app + "/kv/c/a;b", "1");
    owner.put("/api/v1/admin/apps/" + app + "/kv/c/a%3Bb", "2");

    assertThat(owner.get(list("c", "")).json().getJsonArray("keys"))
        .isEqualTo(Json.createArrayBuilder().add("a").add("a;b").build());
  }

  @Test
  void listPagesWithCursorsAndOmitsTheCursorAtTheEnd() {
    for (String key : List.of("b", "a", "c")) {
      owner.put(entry("c", key), "1");
    }
    List<String> keys = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      var page = owner.get(list("c", "?limit=2" + cursor)).json();
      page.getJsonArray("keys")
          .getValuesAs(jakarta.json.JsonString.class)
          .forEach(k -> keys.add(k.getString()));
      cursor = page.containsKey("next_cursor") ? "&cursor=" + page.getString("next_cursor") : "";
      pages++;
    } while (!cursor.isEmpty());

    assertThat(keys).containsExactly("a", "b", "c");
    assertThat(pages).isEqualTo(2);
    assertThat(owner.get(list("empty", "")).json()).isEqualTo(json("{\"keys\":[]}"));
  }

  @Test
  void limitsAreProblemsNamingTheField() {
    Api.Reply tooLarge = owner.put(entry("c", "big"), "\"" + "x".repeat(256 * 1024) + "\"");
    Api.Reply keyTooLarge = owner.put(entry("c", "k".repeat(513)), "1");
    Api.Reply badLimit = owner.get(list("c", "?limit=1001"));
    Api.Reply badCursor = owner.get(list("c", "?cursor=nope"));

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.code()).isEqualTo("value_too_large");
    assertThat(keyTooLarge.status()).isEqualTo(422);
    assertThat(keyTooLarge.json().getString("field")).isEqualTo("key");
    assertThat(badLimit.code()).isEqualTo("invalid_limit");
    assertThat(badCursor.code()).isEqualTo("invalid_cursor");
    assertThat(owner.get(entry("c", "big")).status()).isEqualTo(404);
  }

  @Test
  void bodiesMustBeJson() {
    assertThat(owner.put(entry("c", "k"), "{nope").status()).isEqualTo(400);
    assertThat(owner.send("PUT", entry("c", "k"), "1", "text/plain").status()).isEqualTo(415);
    assertThat(owner.put(entry("c", "k"), "").status()).isEqualTo(400);
  }

  @Test
  void viewersReadEditorsWriteStrangersSeeNothing() {
    owner.put(entry("c", "k"), "1");
    Scenario.User viewer = scenario.newUser("kv-viewer");
    Scenario.User editor = scenario.newUser("kv-editor");
    Scenario.User stranger = scenario.newUser("kv-stranger");
    scenario.addMember(app, viewer.username(), "viewer");
    scenario.addMember(app, editor.username(), "editor");
    Api asViewer = scenario.api().as(viewer.token());
    Api asEditor = scenario.api().as(editor.token());
    Api asStranger = scenario.api().as(stranger.token());

    assertThat(asViewer.get(entry("c", "k")).status()).isEqualTo(200);
    assertThat(asViewer.get(list("c", "")).status()).isEqualTo(200);
    assertThat(asViewer.put(entry("c", "k"), "2").status()).isEqualTo(403);
    assertThat(asViewer.delete(entry("c", "k")).status()).isEqualTo(403);
    assertThat(asEditor.put(entry("c", "k"), "3").status()).isEqualTo(200);
    assertThat(asEditor.delete(entry("c", "k")).status()).isEqualTo(204);
    assertThat(asStranger.get(list("c", "")).status()).isEqualTo(404);
    assertThat(asStranger.put(entry("c", "x"), "1").status()).isEqualTo(404);
    assertThat(scenario.api().get(list("c", "")).status()).isEqualTo(401);
  }

  @Test
  void unknownAppsAre404AndSlugsWork() {
    String slug = owner.get("/api/v1/admin/apps/" + app).json().getString("slug");
    owner.put(entry("c", "k"), "1");

    assertThat(owner.get("/api/v1/admin/apps/" + slug + "/kv/c/k").body()).isEqualTo("1");
    assertThat(owner.get("/api/v1/admin/apps/no-such-app/kv/c/k").status()).isEqualTo(404);
    assertThat(owner.get("/api/v1/admin/apps/no-such-app/kv/c").status()).isEqualTo(404);
  }

  @Test
  void anotherAppsEntryIsNotReachableThroughThisAppsPath() {
    String other = scenario.createApp("kv-other").getString("id");
    owner.put("/api/v1/admin/apps/" + other + "/kv/shared/secret", "\"of the other app\"");

    assertThat(owner.get("/api/v1/admin/apps/" + app + "/kv/shared/secret").status())
        .isEqualTo(404);
    assertThat(owner.get("/api/v1/admin/apps/" + app + "/kv/shared").json())
        .isEqualTo(json("{\"keys\":[]}"));
    assertThat(owner.delete("/api/v1/admin/apps/" + app + "/kv/shared/secret").status())
        .isEqualTo(404);
    assertThat(owner.get("/api/v1/admin/apps/" + other + "/kv/shared/secret").body())
        .isEqualTo("\"of the other app\"");
  }

  private String entry(String collection, String key) {
    return "/api/v1/admin/apps/" + app + "/kv/" + encode(collection) + "/" + encodePath(key);
  }

  private String list(String collection, String query) {
    return "/api/v1/admin/apps/" + app + "/kv/" + encode(collection) + query;
  }

  /** Each segment encoded, the slashes kept: a key's slashes may stay raw. */
  private static String encodePath(String key) {
    return String.join(
        "/", java.util.Arrays.stream(key.split("/", -1)).map(KvAdminIT::encode).toList());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }
}
