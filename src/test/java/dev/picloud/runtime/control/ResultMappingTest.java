package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultMappingTest {
  @Test
  void envelopeGivesStatusHeadersAndJsonBody() {
    RunOutcome outcome =
        Runs.run(
            "return {statusCode: 201, headers: {'X-Id': 7, 'Set-Cookie': ['a=1', 'b=2']},"
                + " body: {ok: true}};");

    ScriptResponse response = outcome.response().orElseThrow();
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers())
        .containsEntry("x-id", List.of("7"))
        .containsEntry("set-cookie", List.of("a=1", "b=2"));
    assertThat(response.contentType()).contains("application/json");
    assertThat(Runs.body(outcome)).isEqualTo("{\"ok\":true}");
  }

  @Test
  void plainValueIsA200JsonBody() {
    RunOutcome outcome = Runs.run("return [1, 'two', {three: 3}];");

    assertThat(outcome.response().orElseThrow().status()).isEqualTo(200);
    assertThat(outcome.response().orElseThrow().contentType()).contains("application/json");
    assertThat(Runs.body(outcome)).isEqualTo("[1,\"two\",{\"three\":3}]");
    assertThat(Runs.value("'text'")).isEqualTo("\"text\"");
    assertThat(Runs.value("null")).isEqualTo("null");
    assertThat(Runs.value("0")).isEqualTo("0");
  }

  /** Primitives are encoded without the size-counting replacer objects need: same JSON. */
  @Test
  void primitivesAreJsonLikeAnyValue() {
    assertThat(Runs.value("'say \\\"hi\\\"\\n'")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(Runs.value("'\\u0001\u00e9'")).isEqualTo("\"\\u0001\u00e9\"");
    assertThat(Runs.value("-1.5e300")).isEqualTo("-1.5e+300");
    assertThat(Runs.value("0 / 0")).isEqualTo("null");
    assertThat(Runs.value("1 / 0")).isEqualTo("null");
    assertThat(Runs.value("true")).isEqualTo("true");
    assertThat(Runs.value("new Boolean(false)")).isEqualTo("false");
    assertThat(Runs.run("return Symbol('s');").status()).isEqualTo(RunStatus.INVALID_RESPONSE);
    String hugeToJson =
        "String.prototype.toJSON = Number.prototype.toJSON ="
            + " function () { return 'x'.repeat(2 * 1024 * 1024); };";
    assertThat(Runs.body(Runs.run(hugeToJson + " return 'a';")))
        .as("a primitive's toJSON is not called")
        .isEqualTo("\"a\"");
    assertThat(Runs.body(Runs.run(hugeToJson + " return 7;"))).isEqualTo("7");
  }

  @Test
  void aPrimitiveStringIsHeldToTheResponseLimit() {
    RunOutcome justUnder = Runs.run("return 'x'.repeat(1024 * 1024 - 2);");
    RunOutcome over = Runs.run("return 'x'.repeat(1024 * 1024 - 1);");

    assertThat(Runs.body(justUnder)).hasSize(1024 * 1024);
    assertThat(over.exceeded()).contains(Budget.RESPONSE_SIZE);
    assertThat(over.response()).isEmpty();
  }

  @Test
  void undefinedIsNoContent() {
    ScriptResponse nothing = Runs.run("var x = 1;").response().orElseThrow();
    ScriptResponse returnedUndefined = Runs.run("return undefined;").response().orElseThrow();

    assertThat(nothing.status()).isEqualTo(204);
    assertThat(nothing.body()).isEmpty();
    assertThat(nothing.contentType()).isEmpty();
    assertThat(returnedUndefined.status()).isEqualTo(204);
  }

  @Test
  void envelopeWithoutBodyHasNoBody() {
    ScriptResponse response =
        Runs.run("return {statusCode: 302, headers: {location: '/x'}};").response().orElseThrow();

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers()).containsEntry("location", List.of("/x"));
  }

  @Test
  void objectWithoutNumericStatusCodeIsAPlainBody() {
    assertThat(Runs.value("{statusCode: '200', body: 1}"))
        .isEqualTo("{\"statusCode\":\"200\",\"body\":1}");
  }

  @Test
  void stringBodyWithNonJsonContentTypeIsSentAsIs() {
    RunOutcome outcome =
        Runs.run(
            "return {statusCode: 200, headers: {'Content-Type': 'text/html; charset=utf-8'},"
                + " body: '<p>héllo</p>'};");

    assertThat(Runs.body(outcome)).isEqualTo("<p>héllo</p>");
    assertThat(outcome.response().orElseThrow().contentType()).contains("text/html; charset=utf-8");
    assertThat(outcome.response().orElseThrow().headers()).doesNotContainKey("content-type");
  }

  @Test
  void stringBodyWithJsonContentTypeIsEncodedAsJson() {
    RunOutcome outcome =
        Runs.run(
            "return {statusCode: 200, headers: {'content-type': 'application/problem+json'},"
                + " body: 'x'};");

    assertThat(Runs.body(outcome)).isEqualTo("\"x\"");
    assertThat(outcome.response().orElseThrow().contentType()).contains("application/problem+json");
  }

  @Test
  void objectBodyWithNonJsonContentTypeBecomesJson() {
    RunOutcome outcome =
        Runs.run(
            "return {statusCode: 200, headers: {'content-type': 'text/plain'}, body: {a: 1}};");

    assertThat(Runs.body(outcome)).isEqualTo("{\"a\":1}");
    assertThat(outcome.response().orElseThrow().contentType()).contains("application/json");
  }

  @Test
  void toJsonOfTheScriptIsHonoured() {
    assertThat(Runs.value("{toJSON: function () { return 'custom'; }}")).isEqualTo("\"custom\"");
  }

  @Test
  void scriptChosenErrorStatusIsASuccessForThePlatform() {
    RunOutcome outcome = Runs.run("return {statusCode: 500, body: {error: 'mine'}};");

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(outcome.response().orElseThrow().status()).isEqualTo(500);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99", "600", "200.5", "-1", "NaN", "Infinity"})
  void statusCodeOutsideTheHttpRangeIsAnInvalidResponse(String status) {
    RunOutcome outcome = Runs.run("return {statusCode: " + status + "};");

    assertThat(outcome.status()).isEqualTo(RunStatus.INVALID_RESPONSE);
    assertThat(outcome.status().httpStatus()).isEqualTo(422);
    assertThat(outcome.status().code()).isEqualTo("invalid_response");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'x-a': 'line\\r\\nInjected: 1'}",
        "{'x-a': 'cr\\rhere'}",
        "{'x-a': 'lf\\nhere'}",
        "{'x-a': 'nul\\u0000here'}",
        "{'x-a': 'bell\\u0007'}",
        "{'x-a': 'wide\\u2028'}",
        "{'bad name': '1'}",
        "{'bad:name': '1'}",
        "{'': '1'}",
        "{'bad\\nname': '1'}",
        "{'Content-Length': '5'}",
        "{'transfer-encoding': 'chunked'}",
        "{'Connection': 'close'}",
        "{'keep-alive': 'timeout=5'}",
        "{'upgrade': 'websocket'}",
        "{'te': 'trailers'}",
        "{'trailer': 'x'}",
        "{'proxy-authenticate': 'Basic'}",
        "{'Proxy-Connection': 'keep-alive'}",
        "{'x-a': {nested: 1}}",
        "{'x-a': null}",
        "{'x-a': [1, {}]}",
        "['x-a', '1']",
        "'x-a: 1'",
        "{'content-type': ['text/plain', 'text/html']}"
      })
  void invalidHeadersAreAnInvalidResponseNotDropped(String headers) {
    RunOutcome outcome = Runs.run("return {statusCode: 200, headers: " + headers + ", body: 'x'};");

    assertThat(outcome.status()).isEqualTo(RunStatus.INVALID_RESPONSE);
    assertThat(outcome.error()).isPresent();
    assertThat(outcome.response()).isEmpty();
  }

  @Test
  void tooManyHeadersAreAnInvalidResponse() {
    RunOutcome outcome =
        Runs.run(
            "var h = {}; for (var i = 0; i < 101; i++) { h['x-' + i] = '1'; }"
                + " return {statusCode: 200, headers: h};");

    assertThat(outcome.status()).isEqualTo(RunStatus.INVALID_RESPONSE);
  }

  @Test
  void bodyThatIsNotJsonIsAnInvalidResponse() {
    assertThat(Runs.run("return function () {};").status()).isEqualTo(RunStatus.INVALID_RESPONSE);
    assertThat(Runs.run("var o = {}; o.self = o; return o;").status())
        .isEqualTo(RunStatus.INVALID_RESPONSE);
    assertThat(Runs.run("return {toJSON: function () { throw new Error('no'); }};").error())
        .hasValueSatisfying(e -> assertThat(e).contains("Error: no"));
  }

  @Test
  void bodyOverTheResponseLimitExceedsTheResponseBudget() {
    RunOutcome json =
        Runs.run(
            "var a = []; for (var i = 0; i < 2048; i++) { a.push('x'.repeat(1024)); } return a;");
    RunOutcome raw =
        Runs.run(
            "return {statusCode: 200, headers: {'content-type': 'text/plain'},"
                + " body: 'x'.repeat(2 * 1024 * 1024)};");
    RunOutcome multiByte =
        Runs.run(
            "return {statusCode: 200, headers: {'content-type': 'text/plain'}, body: 'é'.repeat(600 * 1024)};");

    for (RunOutcome outcome : List.of(json, raw, multiByte)) {
      assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
      assertThat(outcome.exceeded()).contains(Budget.RESPONSE_SIZE);
      assertThat(outcome.status().httpStatus()).isEqualTo(507);
      assertThat(outcome.response()).isEqualTo(Optional.empty());
    }
  }

  @Test
  void bodyJustUnderTheLimitIsSent() {
    RunOutcome outcome =
        Runs.run(
            "return {statusCode: 200, headers: {'content-type': 'text/plain'},"
                + " body: 'x'.repeat(1024 * 1024)};");

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(outcome.response().orElseThrow().body()).hasSize(1024 * 1024);
  }
}
