package dev.picloud.scripts.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 5.6 and the status table of 5.7, over HTTP against the running server. */
class DirectExecutionIT {
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

  @BeforeEach
  void app() {
    app = scenario.createApp("exec").getString("id");
  }

  @Test
  void envelopeSetsStatusHeadersAndJsonBody() {
    Api.Reply reply = run("return {statusCode: 201, headers: {'x-demo': '1'}, body: {ok: true}};");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("x-demo")).isEqualTo("1");
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().getBoolean("ok")).isTrue();
    assertThat(reply.header("X-Execution-Id")).hasSize(36);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "return 42;                                         |200|42",
        "return 'plain';                                    |200|\"plain\"",
        "return [1, 2];                                     |200|[1,2]",
        "return {statusCode: 500, body: {mine: true}};      |500|{\"mine\":true}",
      })
  void resultsMapToResponses(String source, int status, String body) {
    Api.Reply reply = run(source);
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.body()).isEqualTo(body);
  }

  @Test
  void undefinedIs204AndRawStringsKeepTheirContentType() {
    assertThat(run("var a = 1;").status()).isEqualTo(204);
    Api.Reply html =
        run(
            "return {statusCode: 200, headers: {'content-type': 'text/html'}, body: '<h1>hi</h1>'};");
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).isEqualTo("<h1>hi</h1>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "throw new Error('boom');                                              |502|script_error",
        "return {statusCode: 200, headers: {'x-bad': 'a\\r\\nb'}};             |422|invalid_response",
        "return {statusCode: 200, headers: {'content-length': '5'}};           |422|invalid_response",
        "return {statusCode: 200, headers: {'transfer-encoding': 'chunked'}};  |422|invalid_response",
        "return {statusCode: 99};                                              |422|invalid_response",
        "function f() { return f(); } return f();                              |507|budget_exceeded",
        "return 'x'.repeat(2 * 1024 * 1024);                                   |507|budget_exceeded",
      })
  void failuresFollowTheStatusTable(String source, int status, String code) {
    Api.Reply reply = run(source);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.code()).isEqualTo(code);
  }

  @Test
  void scriptErrorsCarryTheMessageAndTimeoutsAre504() {
    assertThat(run("throw new Error('boom at the gate');").json().getString("detail"))
        .contains("boom at the gate");
    String loop =
        scenario.createScript(
            app,
            "while (true) {}",
            Json.createObjectBuilder().add("timeout_seconds", 1).add("limits", BUSY_LIMITS));
    Api.Reply timeout = scenario.execute(loop, "{}");
    assertThat(timeout.status()).isEqualTo(504);
    assertThat(timeout.code()).isEqualTo("script_timeout");
  }

  @Test
  void ctxDescribesTheDirectRunWithoutTheCallersCredentials() {
    String source =
        "return {invocation: ctx.invocation, app: ctx.app.slug, script: ctx.script.name,"
            + " body: ctx.request.body, q: ctx.request.query.q, auth: ctx.request.headers.authorization || null,"
            + " attempt: ctx.attempt, root: ctx.rootExecutionId === ctx.executionId, event: 'event' in ctx};";
    String id = scenario.createScript(app, source);
    JsonObject ctx =
        scenario.asOwner().post("/api/v1/execute/" + id + "?q=1", "{\"in\":[1]}").json();
    assertThat(ctx.getString("invocation")).isEqualTo("direct");
    assertThat(ctx.getString("app")).startsWith("exec-");
    assertThat(ctx.getJsonObject("body").getJsonArray("in").getInt(0)).isEqualTo(1);
    assertThat(ctx.getString("q")).isEqualTo("1");
    assertThat(ctx.isNull("auth")).isTrue();
    assertThat(ctx.getInt("attempt")).isEqualTo(1);
    assertThat(ctx.getBoolean("root")).isTrue();
    assertThat(ctx.getBoolean("event")).isFalse();
  }

  @Test
  void everyRunWritesAnExecutionLog() throws Exception {
    String ok = scenario.createScript(app, "log.info('hello', 1); return {statusCode: 202};");
    String bad = scenario.createScript(app, "log.warn('about to fail'); throw new Error('nope');");
    scenario.execute(ok, "{\"a\":1}");
    scenario.execute(bad, "{}");

    JsonObject success = awaitLog("?script=" + ok);
    assertThat(success.getString("status")).isEqualTo("success");
    assertThat(success.getInt("response_code")).isEqualTo(202);
    assertThat(success.getString("invocation")).isEqualTo("direct");
    assertThat(success.getJsonArray("logs").getJsonObject(0).getString("message"))
        .isEqualTo("hello 1");
    JsonObject failure = awaitLog("?script=" + bad);
    assertThat(failure.getString("status")).isEqualTo("error");
    assertThat(failure.getString("error")).contains("nope");

    JsonObject detail =
        scenario
            .asOwner()
            .get("/api/v1/admin/apps/" + app + "/executions/" + success.getString("execution_id"))
            .json();
    assertThat(detail.getJsonObject("request").getJsonObject("body").getInt("a")).isEqualTo(1);
    assertThat(
            detail.getJsonObject("request").getJsonObject("headers").containsKey("authorization"))
        .isFalse();
  }

  @Test
  void aFullGateAnswers503WithRetryAfter() throws Exception {
    String slow =
        scenario.createScript(
            app,
            "var until = Date.now() + 3000; while (Date.now() < until) {} return 1;",
            Json.createObjectBuilder().add("timeout_seconds", 10).add("limits", BUSY_LIMITS));
    // The probe is quick (a slow one that found a free slot would hold it past the busy runs) and
    // keeps probing while the busy runs may still be starting (a first run compiles the script).
    String quick = scenario.createScript(app, "return 1;");
    TestServer.get().awaitNoDueWork();
    ExecutorService callers = Executors.newFixedThreadPool(TestServer.MAX_CONCURRENT_EXECUTIONS);
    try {
      List<Future<Api.Reply>> busy = new ArrayList<>();
      for (int i = 0; i < TestServer.MAX_CONCURRENT_EXECUTIONS; i++) {
        busy.add(callers.submit(() -> Api.untilAdmitted(() -> scenario.execute(slow, "{}"))));
      }
      Api.Reply refused = awaitOverloaded(quick);
      assertThat(refused.header("Retry-After")).isNotBlank();
      for (Future<Api.Reply> run : busy) {
        assertThat(run.get().status()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private Api.Reply awaitOverloaded(String script) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      Api.Reply reply = scenario.execute(script, "{}");
      if (reply.status() == 503) {
        assertThat(reply.code()).isEqualTo("overloaded");
        return reply;
      }
      seen.add(reply.toString());
      Thread.sleep(50);
    }
    throw new AssertionError("the gate never refused a run: " + seen);
  }

  private JsonObject awaitLog(String query) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var items =
          scenario
              .asOwner()
              .get("/api/v1/admin/apps/" + app + "/executions" + query)
              .json()
              .getJsonArray("items");
      if (!items.isEmpty()) {
        return items.getJsonObject(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no execution log for " + query);
  }

  private Api.Reply run(String source) {
    return scenario.execute(scenario.createScript(app, source), "{}");
  }
}
