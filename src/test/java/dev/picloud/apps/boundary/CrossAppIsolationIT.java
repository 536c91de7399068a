package dev.picloud.apps.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BOLA: every app-scoped endpoint, taken from the server's own OpenAPI document (so endpoints added
 * later are covered without touching this test), answers 404 to a caller of app A who addresses app
 * B — and 404 when app A's path names one of app B's resources.
 */
class CrossAppIsolationIT {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");

  /**
   * Path parameters that are not app-owned resources, so naming B's value through A is legal. KV
   * collections and keys are names inside the addressed app (A's own "c/k" may exist); KvAdminIT
   * checks that B's names through A reach only A's data.
   */
  private static final Set<String> GLOBAL_PARAMS = Set.of("app", "user", "collection", "key");

  private final Scenario scenario = Scenario.onTestServer();
  private String appA;
  private String appB;
  private Map<String, String> resourcesOfB;

  @BeforeEach
  void twoAppsWithResources() throws SQLException {
    appA = scenario.createApp("bola-a").getString("id");
    JsonObject b = scenario.createApp("bola-b");
    appB = b.getString("id");
    Api owner = scenario.asOwner();
    String domainOfB =
        owner
            .post(
                "/api/v1/admin/apps/" + appB + "/domains",
                "{\"host\":\"" + b.getString("slug") + ".example.com\"}")
            .json()
            .getString("id");
    Scenario.User memberOfB = scenario.newUser("bola-member");
    scenario.addMember(appB, memberOfB.username(), "viewer");
    String scriptOfB = scenario.createScript(appB, "return 1;");
    String routeOfB = scenario.createRoute(appB, scriptOfB, "{\"path\":\"/b\"}");
    String executionOfB = scenario.execute(scriptOfB, "{}").header("X-Execution-Id");
    assertThat(owner.put("/api/v1/admin/apps/" + appB + "/kv/bola-c/bola-k", "1").status())
        .isEqualTo(201);
    String deadLetterOfB = deadLetterOf(appB, scriptOfB);
    String triggerOfB =
        owner
            .post(
                "/api/v1/admin/apps/" + appB + "/triggers/kv",
                "{\"script_id\":\"" + scriptOfB + "\",\"collection_glob\":\"*\"}")
            .json()
            .getString("id");
    resourcesOfB =
        Map.of(
            "domain",
            domainOfB,
            "user",
            memberOfB.username(),
            "script",
            scriptOfB,
            "route",
            routeOfB,
            "execution",
            executionOfB,
            "collection",
            "bola-c",
            "key",
            "bola-k",
            "dead_letter",
            deadLetterOfB,
            "trigger",
            triggerOfB);
  }

  @Test
  void everyAppScopedEndpointHidesOtherApps() {
    List<Endpoint> endpoints = appScopedEndpoints();
    assertThat(endpoints)
        .extracting(Endpoint::path)
        .contains("/api/v1/admin/apps/{app}", "/api/v1/admin/apps/{app}/domains/{domain}");

    Scenario.User adminOfA = scenario.newUser("bola-admin");
    scenario.addMember(appA, adminOfA.username(), "app_admin");
    String allScopes =
        "instance:admin script:read script:write route:write domain:manage app:admin log:read";
    Map<String, Api> callersOfA =
        Map.of(
            "app_admin of A", scenario.api().as(adminOfA.token()),
            "owner key bound to A",
                scenario.api().as(scenario.key(scenario.ownerToken(), appA, allScopes.split(" "))));

    List<String> leaks = new ArrayList<>();
    callersOfA.forEach(
        (who, api) -> {
          for (Endpoint endpoint : endpoints) {
            String onB =
                endpoint.fill(
                    param ->
                        param.equals("app")
                            ? appB
                            : resourcesOfB.getOrDefault(
                                param, "00000000-0000-0000-0000-000000000000"));
            check(api, endpoint.method(), onB, who, leaks);
            if (endpoint.ownsResources()) {
              String throughA =
                  endpoint.fill(param -> param.equals("app") ? appA : required(param));
              check(api, endpoint.method(), throughA, who, leaks);
            }
          }
        });
    assertThat(leaks).as("endpoints that did not answer 404").isEmpty();
  }

  /** A dead letter of the app as the dispatcher writes one (the API cannot create it). */
  private static String deadLetterOf(String app, String script) throws SQLException {
    try (Connection db = TestServer.get().connect();
        PreparedStatement insert =
            db.prepareStatement(
                """
                INSERT INTO dead_letters (app_id, original_event_id, source, op, script_id,
                  payload, attempt_count, first_attempt_at, last_attempt_at, last_error,
                  execution_id, root_execution_id)
                VALUES (?::uuid, gen_random_uuid(), 'http', 'POST', ?::uuid, '{}', 3, now(),
                  now(), 'boom', gen_random_uuid(), gen_random_uuid())
                RETURNING id
                """)) {
      insert.setString(1, app);
      insert.setString(2, script);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private void check(Api api, String method, String path, String who, List<String> leaks) {
    String body = BODY_METHODS.contains(method) ? "{}" : null;
    Api.Reply reply =
        api.send(method.toUpperCase(), path, body, body == null ? null : "application/json");
    if (reply.status() != 404) {
      leaks.add(who + ": " + method.toUpperCase() + " " + path + " -> " + reply);
    }
  }

  private String required(String param) {
    String value = resourcesOfB.get(param);
    assertThat(value)
        .as(
            "CrossAppIsolationIT needs a resource of app B for the path parameter {%s}: add one to"
                + " twoAppsWithResources()",
            param)
        .isNotNull();
    return value;
  }

  private List<Endpoint> appScopedEndpoints() {
    JsonObject paths =
        scenario
            .api()
            .with("Accept", "application/json")
            .get("/openapi")
            .json()
            .getJsonObject("paths");
    List<Endpoint> endpoints = new ArrayList<>();
    paths.forEach(
        (path, operations) -> {
          if (path.contains("{app}")) {
            operations.asJsonObject().keySet().stream()
                .filter(Set.of("get", "post", "put", "patch", "delete")::contains)
                .forEach(method -> endpoints.add(new Endpoint(method, path)));
          }
        });
    return endpoints;
  }

  /** One operation of the OpenAPI document. */
  record Endpoint(String method, String path) {
    String fill(Function<String, String> values) {
      Matcher matcher = PARAM.matcher(path);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(out, Matcher.quoteReplacement(values.apply(matcher.group(1))));
      }
      matcher.appendTail(out);
      return out.toString();
    }

    /** Has a parameter naming something that belongs to one app (a domain, a script…). */
    boolean ownsResources() {
      Matcher matcher = PARAM.matcher(path);
      while (matcher.find()) {
        if (!GLOBAL_PARAMS.contains(matcher.group(1))) {
          return true;
        }
      }
      return false;
    }
  }
}
