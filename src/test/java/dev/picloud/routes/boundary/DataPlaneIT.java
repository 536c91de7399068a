package dev.picloud.routes.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sync routes over HTTP: host → app, route matching, request decoding and SPEC 5.7 statuses. */
class DataPlaneIT {
  private static final String ECHO =
      "return {method: ctx.request.method, path: ctx.request.path, params: ctx.request.params,"
          + " rest: ctx.request.rest, query: ctx.request.query, all: ctx.request.queryAll,"
          + " body: ctx.request.body, encoding: ctx.request.bodyEncoding || null,"
          + " form: ctx.request.form || null, type: ctx.request.headers['content-type'] || null,"
          + " invocation: ctx.invocation, hasEvent: 'event' in ctx};";

  /**
   * A busy-waiting script needs more operations, and allocates more (garbage counts), than the
   * default budgets allow in 3 s.
   */
  private static final JsonObject BUSY_LIMITS =
      Json.createObjectBuilder()
          .add("operations", 10_000_000_000L)
          .add("allocation_bytes", 4L * 1024 * 1024 * 1024)
          .build();

  private final Scenario scenario = Scenario.onTestServer();
  private String app;
  private String slug;
  private Api site;

  @BeforeEach
  void appWithEchoRoutes() {
    JsonObject created = scenario.createApp("plane");
    app = created.getString("id");
    slug = created.getString("slug");
    site = scenario.publicApi(slug);
    String echo = scenario.createScript(app, ECHO);
    scenario.createRoute(app, echo, "{\"path\":\"/echo\"}");
    scenario.createRoute(
        app, echo, "{\"path\":\"/items/:id/parts/:part\",\"path_kind\":\"param\"}");
    scenario.createRoute(app, echo, "{\"path\":\"/static/*\",\"path_kind\":\"prefix\"}");
  }

  @Test
  void requestReachesTheScriptWithParamsRestQueryAndJsonBody() {
    JsonObject ctx = site.post("/items/7/parts/w%C3%BCrfel?tag=a&tag=b", "{\"n\":1}").json();
    assertThat(ctx.getString("method")).isEqualTo("POST");
    assertThat(ctx.getJsonObject("params").getString("id")).isEqualTo("7");
    assertThat(ctx.getJsonObject("params").getString("part")).isEqualTo("würfel");
    assertThat(ctx.getJsonObject("query").getString("tag")).isEqualTo("b");
    assertThat(ctx.getJsonObject("all").getJsonArray("tag")).hasSize(2);
    assertThat(ctx.getJsonObject("body").getInt("n")).isEqualTo(1);
    assertThat(ctx.getString("invocation")).isEqualTo("http");
    assertThat(ctx.getBoolean("hasEvent")).isFalse();

    JsonObject prefix = site.get("/static/css/site.css").json();
    assertThat(prefix.getString("rest")).isEqualTo("css/site.css");
    assertThat(site.get("/static").json().getString("rest")).isEmpty();
  }

  @Test
  void bodiesAreDecodedByContentType() {
    JsonObject text = site.send("POST", "/echo", "hello", "text/plain").json();
    assertThat(text.getString("body")).isEqualTo("hello");
    JsonObject form =
        site.send("POST", "/echo", "a=1&b=two+words", "application/x-www-form-urlencoded").json();
    assertThat(form.getJsonObject("form").getString("b")).isEqualTo("two words");
    JsonObject binary =
        site.sendBytes(
                "POST", "/echo", new byte[] {0, 1, 2, (byte) 255}, "application/octet-stream")
            .json();
    assertThat(binary.getString("encoding")).isEqualTo("base64");
    assertThat(binary.getString("body")).isEqualTo("AAEC/w==");
    JsonObject untyped =
        site.sendBytes("POST", "/echo", "[1,2]".getBytes(StandardCharsets.UTF_8), null).json();
    assertThat(untyped.getJsonArray("body")).hasSize(2);

    Api.Reply invalid = site.post("/echo", "{\"broken\":");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.code()).isEqualTo("invalid_json");
    Api.Reply tooBig =
        site.sendBytes("POST", "/echo", new byte[11 * 1024 * 1024], "application/octet-stream");
    assertThat(tooBig.status()).isEqualTo(413);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "return {statusCode: 201, headers: {'x-one': '1'}, body: {ok: true}};   |201|",
        "return {statusCode: 500, body: 'mine'};                                 |500|",
        "throw new Error('route boom');                                          |502|script_error",
        "return {statusCode: 200, headers: {'connection': 'close'}};             |422|invalid_response",
        "function f() { return f(); } return f();                                |507|budget_exceeded",
        "var a = []; for (;;) { a.push(new Array(100000)); }                    |507|budget_exceeded",
      })
  void syncRoutesAnswerWithTheStatusTable(String source, int status, String code) {
    String script = scenario.createScript(app, source);
    scenario.createRoute(app, script, "{\"path\":\"/case\",\"method\":\"GET\"}");
    Api.Reply reply = site.get("/case");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("X-Execution-Id")).hasSize(36);
    if (code != null) {
      assertThat(reply.code()).isEqualTo(code.trim());
    }
  }

  @Test
  void aScriptPastItsTimeoutIs504() {
    String loop =
        scenario.createScript(
            app,
            "while (true) {}",
            Json.createObjectBuilder().add("timeout_seconds", 1).add("limits", BUSY_LIMITS));
    scenario.createRoute(app, loop, "{\"path\":\"/loop\"}");
    Api.Reply reply = site.get("/loop");
    assertThat(reply.status()).isEqualTo(504);
    assertThat(reply.code()).isEqualTo("script_timeout");
  }

  @Test
  void aFullGateIs503Overloaded() throws Exception {
    String slow =
        scenario.createScript(
            app,
            "var until = Date.now() + 3000; while (Date.now() < until) {} return 1;",
            Json.createObjectBuilder().add("limits", BUSY_LIMITS));
    // Probes are quick: a probe admitted before the busy runs took their slots would otherwise hold
    // one past them. A direct probe fails fast when the gate is full, so the route is asked only
    // once the direct path has seen the gate full (a routed probe admitted earlier would queue).
    String quick = scenario.createScript(app, "return 1;");
    scenario.createRoute(app, quick, "{\"path\":\"/quick\"}");
    TestServer.get().awaitNoDueWork();
    ExecutorService callers = Executors.newFixedThreadPool(TestServer.MAX_CONCURRENT_EXECUTIONS);
    try {
      List<Future<Api.Reply>> busy = new ArrayList<>();
      for (int i = 0; i < TestServer.MAX_CONCURRENT_EXECUTIONS; i++) {
        // Direct runs hold their slot from admission, so the gate is full for certain while they
        // spin; the route must then refuse at ingest.
        busy.add(callers.submit(() -> Api.untilAdmitted(() -> scenario.execute(slow, "{}"))));
      }
      Api.Reply refused = null;
      for (int i = 0; i < 150 && refused == null; i++) {
        if (scenario.execute(quick, "{}").status() == 503) {
          Api.Reply reply = site.get("/quick");
          refused = reply.status() == 503 ? reply : null;
        }
        Thread.sleep(50);
      }
      if (refused == null) {
        List<String> outcomes = new ArrayList<>();
        for (Future<Api.Reply> run : busy) {
          outcomes.add(String.valueOf(run.get(30, TimeUnit.SECONDS)));
        }
        throw new AssertionError("the gate never refused a request; the busy runs: " + outcomes);
      }
      assertThat(refused.code()).isEqualTo("overloaded");
      assertThat(refused.header("Retry-After")).isNotBlank();
      for (Future<Api.Reply> run : busy) {
        assertThat(run.get().status()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * More callers than slots: each request is answered with its own run's result or refused 503
   * (admitted ones wait in the outbox for a slot); nothing is left in the outbox.
   */
  @Test
  void concurrentSyncRequestsEachGetTheirOwnAnswerOrA503() throws Exception {
    String script =
        scenario.createScript(
            app,
            "var until = Date.now() + 20; while (Date.now() < until) {} return ctx.request.body;",
            Json.createObjectBuilder().add("limits", BUSY_LIMITS));
    scenario.createRoute(app, script, "{\"path\":\"/mine\"}");
    TestServer.get().awaitNoDueWork();
    int requests = 80;
    ExecutorService callers = Executors.newFixedThreadPool(16);
    Map<Integer, Api.Reply> replies = new ConcurrentHashMap<>();
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        sent.add(callers.submit(() -> replies.put(n, site.post("/mine", "{\"n\":" + n + "}"))));
      }
      for (Future<?> call : sent) {
        call.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(replies).hasSize(requests);
    int answered = 0;
    for (var reply : replies.entrySet()) {
      if (reply.getValue().status() == 503) {
        assertThat(reply.getValue().code()).isEqualTo("overloaded");
      } else {
        assertThat(reply.getValue().status()).as(reply.getValue().body()).isEqualTo(200);
        assertThat(reply.getValue().json().getInt("n")).isEqualTo(reply.getKey());
        answered++;
      }
    }
    assertThat(answered).isGreaterThanOrEqualTo(TestServer.MAX_CONCURRENT_EXECUTIONS);
    TestServer.get().awaitNoDueWork();
    try (Connection db = TestServer.get().connect();
        PreparedStatement left =
            db.prepareStatement("SELECT count(*) FROM outbox WHERE app_id = ?::uuid")) {
      left.setString(1, app);
      try (ResultSet row = left.executeQuery()) {
        row.next();
        assertThat(row.getLong(1)).isZero();
      }
    }
  }

  @Test
  void hostsResolveToAppsAndUnknownHostsAre404() {
    assertThat(site.get("/echo").status()).isEqualTo(200);
    Api.Reply none = scenario.api().with("Host", "nobody-" + slug + ".localhost").get("/echo");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.code()).isEqualTo("no_app_for_host");
    assertThat(scenario.api().with("Host", "localhost").get("/echo").code())
        .isEqualTo("no_app_for_host");

    scenario
        .asOwner()
        .post("/api/v1/admin/apps/" + app + "/domains", "{\"host\":\"" + slug + ".example.com\"}");
    scenario
        .asOwner()
        .post(
            "/api/v1/admin/apps/" + app + "/domains", "{\"host\":\"*." + slug + ".example.org\"}");
    assertThat(scenario.api().with("Host", slug + ".example.com").get("/echo").status())
        .isEqualTo(200);
    assertThat(scenario.api().with("Host", "a.b." + slug + ".example.org").get("/echo").status())
        .isEqualTo(200);
    assertThat(scenario.api().with("Host", slug + ".example.org").get("/echo").status())
        .isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%s.localhost:8080", "%s.LOCALHOST", "%s.localhost."})
  void hostHeadersWithPortsCaseAndTrailingDotsResolve(String pattern) {
    Api.Reply reply =
        scenario.api().with("Host", pattern.formatted(slug.toUpperCase())).get("/echo");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/echo/../echo",
        "/items/%2e%2e/parts/x",
        "/items//parts/x",
        "/items/a%2fb/parts/x",
        "/static/..%5cetc"
      })
  void ambiguousPathsAre400(String path) {
    Api.Reply reply = site.get(path);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("bad_path");
  }

  @Test
  void methodsMatchCaseInsensitivelyAndUnknownPathsAre404() {
    assertThat(site.send("post", "/echo", "{}", "application/json").json().getString("method"))
        .isEqualTo("POST");
    assertThat(site.get("/nothing-here").code()).isEqualTo("no_route");
    assertThat(site.get("/version").status())
        .as("platform paths stay the platform's")
        .isEqualTo(200);
  }

  @Test
  void routeChangesApplyAtOnce() {
    String script = scenario.createScript(app, "return 'v1';");
    String route = scenario.createRoute(app, script, "{\"path\":\"/fresh\"}");
    assertThat(site.get("/fresh").body()).isEqualTo("\"v1\"");
    scenario
        .asOwner()
        .patch("/api/v1/admin/apps/" + app + "/routes/" + route, "{\"path\":\"/moved\"}");
    assertThat(site.get("/fresh").code()).isEqualTo("no_route");
    assertThat(site.get("/moved").body()).isEqualTo("\"v1\"");
    scenario.asOwner().delete("/api/v1/admin/apps/" + app + "/routes/" + route);
    assertThat(site.get("/moved").code()).isEqualTo("no_route");
  }
}
