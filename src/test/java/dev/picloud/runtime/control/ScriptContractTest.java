package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.sdk.SdkContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScriptContractTest {
  private final ScriptRuntime runtime = Runs.shared();

  @Test
  void ctxCarriesTheRequestAndTheInvocationAsPlainValues() {
    UUID app = UUID.randomUUID();
    UUID execution = UUID.randomUUID();
    UUID root = UUID.randomUUID();
    RequestData request =
        new RequestData(
            "POST",
            "/orders/42",
            Map.of("content-type", "application/json"),
            Map.of("q", "last"),
            Map.of("q", List.of("first", "last")),
            Map.of("id", "42"),
            "extra/path",
            Json.createObjectBuilder().add("n", 1).build(),
            Optional.empty(),
            Optional.empty());
    ScriptCtx ctx =
        new ScriptCtx(
            request,
            Optional.empty(),
            app,
            "shop",
            UUID.randomUUID(),
            "orders",
            execution,
            root,
            "req-9",
            Invocation.HTTP,
            2,
            1);

    RunOutcome outcome =
        runtime.run(Runs.request(runtime, Runs.script("ctx-echo.js"), Limits.defaults(false), ctx));

    JsonObject echoed =
        Json.createReader(new java.io.StringReader(Runs.body(outcome))).readObject();
    assertThat(echoed.getString("method")).isEqualTo("POST");
    assertThat(echoed.getString("path")).isEqualTo("/orders/42");
    assertThat(echoed.getString("header")).isEqualTo("application/json");
    assertThat(echoed.getString("query")).isEqualTo("last");
    assertThat(echoed.getJsonArray("queryAll").toString()).isEqualTo("[\"first\",\"last\"]");
    assertThat(echoed.getString("param")).isEqualTo("42");
    assertThat(echoed.getString("rest")).isEqualTo("extra/path");
    assertThat(echoed.getInt("bodyN")).isEqualTo(1);
    assertThat(echoed.getBoolean("hasEvent")).isFalse();
    assertThat(echoed.getBoolean("hasBodyEncoding")).isFalse();
    assertThat(echoed.getString("app")).isEqualTo(app + "/shop");
    assertThat(echoed.getString("script")).isEqualTo("orders");
    assertThat(echoed.getString("executionId")).isEqualTo(execution.toString());
    assertThat(echoed.getString("rootExecutionId")).isEqualTo(root.toString());
    assertThat(echoed.getString("requestId")).isEqualTo("req-9");
    assertThat(echoed.getString("invocation")).isEqualTo("http");
    assertThat(echoed.getInt("attempt")).isEqualTo(2);
    assertThat(echoed.getInt("triggerDepth")).isEqualTo(1);
    assertThat(echoed.getString("sdkVersion")).isEqualTo(ScriptRuntime.SDK_VERSION);
    assertThat(echoed.getString("ctxPrototype")).isEqualTo("plain");
  }

  @Test
  void eventIsPresentOnlyForTriggerRuns() {
    JsonObject event = Json.createObjectBuilder().add("source", "kv").add("op", "insert").build();
    UUID app = UUID.randomUUID();
    ScriptCtx trigger =
        new ScriptCtx(
            RequestData.none(),
            Optional.of(event),
            app,
            "a",
            UUID.randomUUID(),
            "s",
            UUID.randomUUID(),
            UUID.randomUUID(),
            "",
            Invocation.TRIGGER,
            1,
            3);

    RunOutcome outcome =
        runtime.run(
            Runs.request(
                runtime,
                "return ['event' in ctx, ctx.event.source, ctx.event.op, ctx.request.method];",
                Limits.defaults(true),
                trigger));

    assertThat(Runs.body(outcome)).isEqualTo("[true,\"kv\",\"insert\",\"\"]");
    assertThat(Runs.value("'event' in ctx")).isEqualTo("false");
  }

  @Test
  void formBodiesAndBinaryBodiesAreDescribed() {
    RequestData request =
        new RequestData(
            "POST",
            "/",
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            "",
            Json.createValue("a=1&b=2"),
            Optional.empty(),
            Optional.of(Map.of("a", "1", "b", "2")));
    RequestData binary =
        new RequestData(
            "POST",
            "/",
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            "",
            Json.createValue("AAE="),
            Optional.of("base64"),
            Optional.empty());
    UUID app = UUID.randomUUID();

    String form =
        Runs.body(
            runtime.run(
                Runs.request(
                    runtime,
                    "return [ctx.request.body, ctx.request.form.b];",
                    Limits.defaults(false),
                    withRequest(app, request))));
    String bytes =
        Runs.body(
            runtime.run(
                Runs.request(
                    runtime,
                    "return [ctx.request.body, ctx.request.bodyEncoding];",
                    Limits.defaults(false),
                    withRequest(app, binary))));

    assertThat(form).isEqualTo("[\"a=1&b=2\",\"2\"]");
    assertThat(bytes).isEqualTo("[\"AAE=\",\"base64\"]");
  }

  @Test
  void sourceIsTheBodyOfAHandlerFunction() {
    RunOutcome outcome =
        Runs.run(
            """
            'use strict';
            const name = ctx.request.query.name || "world";
            let greeting = `hello ${name}`;
            function shout(s) { return s.toUpperCase(); }
            return { statusCode: 200, headers: { "x-demo": "1" }, body: { hello: shout(greeting) } };
            """);

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Runs.body(outcome)).isEqualTo("{\"hello\":\"HELLO WORLD\"}");
  }

  @Test
  void strictModeDirectiveStillAppliesAfterInstrumentation() {
    assertThat(Runs.value("(function () { 'use strict'; return this === undefined; })()"))
        .isEqualTo("true");
    assertThat(Runs.run("'use strict'; undeclared = 1; return 1;").status())
        .isEqualTo(RunStatus.SCRIPT_ERROR);
  }

  @Test
  void syntaxErrorNamesLineAndColumnOfTheUserSource() {
    assertThatThrownBy(() -> runtime.compile(UUID.randomUUID(), 1, "var a = 1;\nvar b = ;\n"))
        .isInstanceOfSatisfying(
            ScriptSyntaxException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(9);
              assertThat(e.reason()).contains("Expected an operand");
            });
    assertThatThrownBy(() -> runtime.compile(UUID.randomUUID(), 1, "return (1 +;"))
        .isInstanceOfSatisfying(
            ScriptSyntaxException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(12);
            });
  }

  @Test
  void unclosedBlockIsReportedAtTheEndOfTheSource() {
    assertThatThrownBy(() -> runtime.compile(UUID.randomUUID(), 1, "if (x) {\n  return 1;\n"))
        .isInstanceOfSatisfying(
            ScriptSyntaxException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void earlyErrorsOfTheCompilerAreSyntaxErrorsToo() {
    // Nashorn reports a redeclaration at the first declaration.
    assertThatThrownBy(() -> runtime.compile(UUID.randomUUID(), 1, "let a = 1;\nlet a = 2;"))
        .isInstanceOfSatisfying(
            ScriptSyntaxException.class,
            e -> {
              assertThat(e.reason()).contains("already been declared");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(5);
            });
  }

  @Test
  void sourceCannotCloseTheHandlerFunctionEarly() {
    assertThatThrownBy(
            () ->
                runtime.compile(
                    UUID.randomUUID(), 1, "}}); Object.prototype.x = 1; ((function(){{"))
        .isInstanceOf(ScriptSyntaxException.class);
    assertThatThrownBy(
            () ->
                runtime.compile(
                    UUID.randomUUID(), 1, "}; while (true) {}; return function (ctx) {"))
        .isInstanceOf(ScriptSyntaxException.class);
  }

  @Test
  void codeNashornCannotCompileIsASyntaxErrorNotACrash() {
    assertThatThrownBy(
            () -> runtime.compile(UUID.randomUUID(), 1, "var f = 0 ? 1 : z => z * 3; return f(2);"))
        .isInstanceOf(ScriptSyntaxException.class);
  }

  @Test
  void compiledHandlerIsCachedPerScriptVersion() throws ScriptSyntaxException {
    UUID script = UUID.randomUUID();

    CompiledHandler first = runtime.compile(script, 1, "return 1;");
    CompiledHandler again = runtime.compile(script, 1, "return 1;");
    CompiledHandler next = runtime.compile(script, 2, "return 2;");

    assertThat(again).isSameAs(first);
    assertThat(next).isNotSameAs(first);
    assertThat(next.version()).isEqualTo(2);
  }

  @Test
  void scriptErrorCarriesTheMessageAndTheLine() {
    assertThat(Runs.error("var a = 1;\n\nthrow new TypeError('bad input');"))
        .isEqualTo("TypeError: bad input (line 3)");
    assertThat(Runs.error("\nnull.x;")).startsWith("TypeError: ").endsWith("(line 2)");
    assertThat(Runs.error("throw 'plain text';")).isEqualTo("plain text (line 1)");
    assertThat(Runs.error("function f() {\n  return regex.find('(', 'x');\n}\nreturn f();"))
        .startsWith("Error: regex: invalid pattern")
        .endsWith("(line 2)");
  }

  @Test
  void es6StringMethodsWorkAndRefuseARegularExpressionWhateverRegExpNowNames() {
    assertThat(
            Runs.value(
                "['abc'.includes('b'), 'abc'.startsWith('ab'), 'abc'.endsWith('bc'),"
                    + " 'ab'.repeat(2), 'a'.codePointAt(0)].join()"))
        .isEqualTo("\"true,true,true,abab,97\"");
    assertThat(Runs.error("return 'a/b/'.includes(/b/);"))
        .startsWith(
            "TypeError: First argument to String.prototype.includes must not be a regular"
                + " expression");
    assertThat(Runs.error("RegExp = function () {}; return '/a/'.startsWith(/a/);"))
        .startsWith("TypeError: First argument to String.prototype.startsWith");
    assertThat(Runs.value("'[object RegExp]'.endsWith('RegExp]')")).isEqualTo("true");
  }

  @Test
  void sdkContextMustNameAnApp() {
    assertThatThrownBy(() -> SdkContext.anonymous(null, UUID.randomUUID(), UUID.randomUUID()))
        .isInstanceOf(NullPointerException.class);
  }

  private static ScriptCtx withRequest(UUID app, RequestData request) {
    UUID execution = UUID.randomUUID();
    return new ScriptCtx(
        request,
        Optional.empty(),
        app,
        "a",
        UUID.randomUUID(),
        "s",
        execution,
        execution,
        "r",
        Invocation.HTTP,
        1,
        0);
  }
}
