package dev.picloud.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a clear problem+json answer and changes nothing. */
class RequestRulesIT {
  private final Scenario scenario = Scenario.onTestServer();
  private Api owner;
  private String app;
  private String userId;

  @BeforeEach
  void fixtures() {
    owner = scenario.asOwner();
    app = scenario.createApp("rules").getString("slug");
    userId = scenario.newUser("rules").id();
  }

  @ParameterizedTest(name = "{0} {1} with {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST |/api/v1/admin/apps               |{\"slug\":\"mass-1\",\"id\":\"00000000-0000-0000-0000-000000000001\"}",
        "POST |/api/v1/admin/apps               |{\"slug\":\"mass-2\",\"created_at\":\"2020-01-01T00:00:00Z\"}",
        "PATCH|/api/v1/admin/apps/{app}         |{\"name\":\"x\",\"id\":\"00000000-0000-0000-0000-000000000001\"}",
        "POST |/api/v1/admin/apps/{app}/domains |{\"host\":\"mass.example.com\",\"app_id\":\"00000000-0000-0000-0000-000000000001\"}",
        "PUT  |/api/v1/admin/apps/{app}/members/{user}|{\"role\":\"viewer\",\"app_id\":\"00000000-0000-0000-0000-000000000001\"}",
        "POST |/api/v1/admin/users              |{\"username\":\"mass-user\",\"password\":\"long-enough-pass\",\"role\":\"owner\"}",
        "PATCH|/api/v1/admin/users/{user}       |{\"is_active\":true,\"id\":\"00000000-0000-0000-0000-000000000001\"}",
        "POST |/api/v1/admin/api-keys           |{\"name\":\"k\",\"scopes\":[\"script:read\"],\"user_id\":\"00000000-0000-0000-0000-000000000001\"}",
        "POST |/api/v1/admin/api-keys           |{\"name\":\"k\",\"scope\":[\"script:read\"]}",
      })
  void unknownFieldsAreRejectedAndNothingIsWritten(String method, String path, String body) {
    String before = owner.get("/api/v1/admin/apps?limit=200").body();
    Api.Reply reply = owner.send(method.trim(), fill(path), body, "application/json");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("unknown_field");
    assertThat(owner.get("/api/v1/admin/apps?limit=200").body()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} {1} with {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST |/api/v1/admin/apps               |{\"slug\":42}                            |slug",
        "PATCH|/api/v1/admin/apps/{app}         |{\"name\":[\"x\"]}                       |name",
        "POST |/api/v1/admin/api-keys           |{\"name\":\"k\",\"scopes\":\"script:read\"}|scopes",
        "POST |/api/v1/admin/api-keys           |{\"name\":\"k\",\"scopes\":[\"script:read\"],\"expires_at\":\"tomorrow\"}|expires_at",
        "POST |/api/v1/admin/api-keys           |{\"name\":\"k\",\"scopes\":[\"script:read\"],\"app_id\":\"not-a-uuid\"}|app_id",
        "PATCH|/api/v1/admin/users/{user}       |{\"is_active\":\"yes\"}                  |is_active",
      })
  void wrongTypesAre422NamingTheField(String method, String path, String body, String field) {
    Api.Reply reply = owner.send(method.trim(), fill(path), body, "application/json");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.code()).isEqualTo("invalid_type");
    assertThat(reply.json().getString("field")).isEqualTo(field.trim());
  }

  @Test
  void validationErrorsAre422NamingTheField() {
    Api.Reply slug = owner.post("/api/v1/admin/apps", "{\"slug\":\"Not A Slug\"}");
    assertThat(slug.status()).isEqualTo(422);
    assertThat(slug.json().getString("field")).isEqualTo("slug");
    Api.Reply past =
        owner.post(
            "/api/v1/admin/api-keys",
            "{\"name\":\"k\",\"scopes\":[\"script:read\"],\"expires_at\":\"2001-01-01T00:00:00Z\"}");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().getString("field")).isEqualTo("expires_at");
    Api.Reply scope =
        owner.post("/api/v1/admin/api-keys", "{\"name\":\"k\",\"scopes\":[\"root\"]}");
    assertThat(scope.json().getString("field")).isEqualTo("scopes");
  }

  @Test
  void bodiesOverTheCapAre413WithContentLengthAndChunked() throws Exception {
    byte[] big =
        ("{\"slug\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    Api.Reply declared = owner.sendBytes("POST", "/api/v1/admin/apps", big, "application/json");
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.code()).isEqualTo("payload_too_large");

    HttpRequest chunked =
        HttpRequest.newBuilder(owner.base().resolve("/api/v1/admin/apps"))
            .header("Authorization", "Bearer " + scenario.ownerToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();
    HttpResponse<String> response = send(chunked);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("payload_too_large");
  }

  @Test
  void malformedBodiesAre400() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(owner.post("/api/v1/admin/apps", deep).code()).isEqualTo("malformed_json");
    assertThat(owner.post("/api/v1/admin/apps", "{\"slug\":").code()).isEqualTo("malformed_json");
    assertThat(owner.post("/api/v1/admin/apps", "[1,2]").code()).isEqualTo("malformed_json");
    assertThat(owner.post("/api/v1/admin/apps", "").code()).isEqualTo("missing_body");
    byte[] notUtf8 = {
      '{', '"', 's', 'l', 'u', 'g', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'
    };
    Api.Reply reply = owner.sendBytes("POST", "/api/v1/admin/apps", notUtf8, "application/json");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_utf8");
  }

  @Test
  void containerErrorsSpeakProblemJson() {
    Api.Reply wrongType = owner.send("POST", "/api/v1/admin/apps", "slug=x", "text/plain");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.code()).isEqualTo("unsupported_media_type");

    Api.Reply noSuchPath = owner.get("/api/v1/admin/nothing-here");
    assertThat(noSuchPath.status()).isEqualTo(404);
    assertThat(noSuchPath.header("Content-Type")).startsWith("application/problem+json");
    assertThat(noSuchPath.code()).isEqualTo("not_found");

    Api.Reply wrongMethod = owner.send("PUT", "/api/v1/admin/apps", "{}", "application/json");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.code()).isEqualTo("method_not_allowed");
    assertThat(wrongMethod.header("Allow")).contains("GET");
  }

  private String fill(String path) {
    return path.trim().replace("{app}", app).replace("{user}", userId);
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
