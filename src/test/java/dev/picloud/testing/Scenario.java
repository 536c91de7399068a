package dev.picloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test driver for identity and apps over HTTP, so integration tests read like scenarios. Names are
 * unique per call, so tests never collide on the shared server.
 */
public final class Scenario {
  public static final String PASSWORD = "a-long-enough-password";

  /** Owner sessions by server, so each test JVM logs in (600k-iteration PBKDF2) once per server. */
  private static final Map<URI, String> OWNER_TOKENS = new ConcurrentHashMap<>();

  private final Api api;

  public Scenario(Api api) {
    this.api = api;
  }

  public static Scenario onTestServer() {
    return new Scenario(TestServer.get().api());
  }

  public Api api() {
    return api;
  }

  /** A session token of the bootstrap owner (logged in once per test JVM and server). */
  public String ownerToken() {
    return OWNER_TOKENS.computeIfAbsent(
        api.base(), base -> login(TestServer.OWNER, TestServer.OWNER_PASSWORD));
  }

  public Api asOwner() {
    return api.as(ownerToken());
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String login(String username, String password) {
    Api.Reply reply =
        api.post(
            "/api/v1/auth/login",
            json(Json.createObjectBuilder().add("username", username).add("password", password)));
    assertThat(reply.status()).as("login %s: %s", username, reply).isEqualTo(200);
    return reply.json().getString("token");
  }

  /** A new member user; returns its id. */
  public String createUser(String username) {
    Api.Reply reply =
        asOwner()
            .post(
                "/api/v1/admin/users",
                json(
                    Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)));
    assertThat(reply.status()).as("create user: %s", reply).isEqualTo(201);
    return reply.json().getString("id");
  }

  /** A new user with a session, for acting as that user. */
  public User newUser(String prefix) {
    String name = unique(prefix);
    String id = createUser(name);
    return new User(id, name, login(name, PASSWORD));
  }

  /** A new app created by the owner; returns its JSON. */
  public JsonObject createApp(String slugPrefix) {
    Api.Reply reply =
        asOwner()
            .post(
                "/api/v1/admin/apps",
                json(Json.createObjectBuilder().add("slug", unique(slugPrefix))));
    assertThat(reply.status()).as("create app: %s", reply).isEqualTo(201);
    return reply.json();
  }

  public void addMember(String appId, String user, String role) {
    Api.Reply reply =
        asOwner()
            .put(
                "/api/v1/admin/apps/" + appId + "/members/" + user,
                json(Json.createObjectBuilder().add("role", role)));
    assertThat(reply.status()).as("add member: %s", reply).isIn(200, 201);
  }

  /** Creates an API key with the caller's credential; returns the creation answer. */
  public Api.Reply createKey(String bearer, String appId, String... scopes) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (String scope : scopes) {
      list.add(scope);
    }
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("name", unique("key")).add("scopes", list);
    if (appId != null) {
      body.add("app_id", appId);
    }
    return api.as(bearer).post("/api/v1/admin/api-keys", json(body));
  }

  /** A key that must be created; returns the secret. */
  public String key(String bearer, String appId, String... scopes) {
    Api.Reply reply = createKey(bearer, appId, scopes);
    assertThat(reply.status()).as("create key: %s", reply).isEqualTo(201);
    return reply.json().getString("key");
  }

  /** A new script in the app; returns its id. */
  public String createScript(String appId, String source) {
    return createScript(appId, source, Json.createObjectBuilder());
  }

  /** A new script with extra fields (timeout_seconds, limits…); returns its id. */
  public String createScript(String appId, String source, JsonObjectBuilder extra) {
    JsonObjectBuilder body = extra.add("name", unique("script")).add("source", source);
    Api.Reply reply = asOwner().post("/api/v1/admin/apps/" + appId + "/scripts", json(body));
    assertThat(reply.status()).as("create script: %s", reply).isEqualTo(201);
    return reply.json().getString("id");
  }

  /** A new route of the app to the script; {@code json} holds the other fields. */
  public String createRoute(String appId, String scriptId, String json) {
    String body = "{\"script_id\":\"" + scriptId + "\"," + json.substring(1);
    Api.Reply reply = asOwner().post("/api/v1/admin/apps/" + appId + "/routes", body);
    assertThat(reply.status()).as("create route: %s", reply).isEqualTo(201);
    return reply.json().getString("id");
  }

  /** The public side of an app: requests carry its implicit host {@code {slug}.localhost}. */
  public Api publicApi(String slug) {
    return api.with("Host", slug + ".localhost");
  }

  /** Runs a script directly as the owner. */
  public Api.Reply execute(String scriptId, String jsonBody) {
    return asOwner().post("/api/v1/execute/" + scriptId, jsonBody);
  }

  public static String json(JsonObjectBuilder builder) {
    return builder.build().toString();
  }

  /** A user and a session token of theirs. */
  public record User(String id, String username, String token) {}
}
