package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.runtime.Runs;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SECURITY.md "Sandbox escapes" 5: the instrumentation hooks cannot be replaced, shadowed or
 * bypassed, and once a run is stopped it stays stopped.
 */
class HookTamperingTest {
  private static final Duration LIMIT = Duration.ofSeconds(1);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "var __pc$l = function () {}; while (true) {}",
        "function f(__pc$l) { while (true) {} } f();",
        "function __pc$f() {} for (;;) {}",
        "try { x(); } catch (__pc$k) { while (true) {} }",
        "let __pc$r = 1;",
        "const __pc$w = {v: 1}; throw 1;",
        "var f = function __pc$l() {};",
        "var g = (__pc$l) => { while (true) {} };",
        "var \\u005f_pc$l = function () {}; while (true) {}",
        "var _\\u005fpc\\u0024f = 1;",
        "return __pc$l;",
        "with ({__pc$l: function () {}}) { while (true) {} }",
        "with (ctx) { while (true) {} }",
        "throw 1, 2;"
      })
  void shadowingTheHooksIsRejectedAtCompileTime(String source) {
    assertThatThrownBy(() -> Runs.shared().compile(UUID.randomUUID(), 1, source))
        .isInstanceOf(ScriptSyntaxException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "this.__pc$l = function () {}; while (true) {}",
        "globalThis['__pc' + '$l'] = null; globalThis['__pc$f'] = null; for (;;) {}",
        "Object.defineProperty(this, '__pc$l', {value: function () {}}); do {} while (1);",
        "delete this.__pc$l; while (true) {}",
        "Object.prototype.__pc$l = function () {}; while (true) {}",
        "var caller = arguments.callee.caller; while (true) {}",
        "var o = {get x() { while (true) {} }}; return o.x;",
        "var o = {set x(v) { for (;;) {} }}; o.x = 1;",
        "var o = {toString: function () { for (;;) {} }}; return '' + o;",
        "return [3, 2, 1].sort(function (a, b) { while (true) {} });",
        "return JSON.parse('[1,2]', function (k, v) { while (true) {} });",
        "return 'aaa'.replace(/a/g, function () { while (true) {} });",
        "return [1, 2].map(function () { while (true) {} });",
        "return {toJSON: function () { while (true) {} }};",
        "log.info({toJSON: function () { while (true) {} }});",
        "try { while (true) {} } catch (e) { while (true) {} }",
        "try { for (;;) {} } finally { for (;;) {} }",
        "try { while (true) {} } catch (e) {} return 'survived';",
        "try { while (true) {} } finally { return 'survived'; }",
        "while (true) { try { while (true) {} } catch (e) {} }",
        "function f() { try { f(); } catch (e) { f(); } } f();",
        "var f = n => n <= 0 ? 0 : f(n - 1) + f(n - 1); return f(60);",
        "var it = {}; it[Symbol.iterator] = function () { return {next: function () { return {done: false, value: 1}; }}; }; for (var v of it) {}",
        "for (var k in {a: 1}) { while (true) {} }",
        "outer: while (true) { inner: for (;;) { continue outer; } }",
        "(function () { 'use strict'; while (true) {} })();",
        "for (let i = 0; ; i++) {}",
        "for (/* a comment */ const k in {a: 1}) { for (let j = 0; ; j++) {} }",
        "for (let i = 0; i < 1; i++) { function f() { f(); } f(); }",
        "for (let i of [1]) { try { null.x; } catch (e) { while (true) {} } }",
        "for (let i of [1]) { for (let j of [1]) { var g = () => { for (;;) {} }; g(); } }"
      })
  void runawayCodeIsStoppedWhateverItTries(String source) {
    long start = System.nanoTime();
    RunOutcome outcome = Runs.shared().run(request(source));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome.status()).as(source).isIn(RunStatus.TIMEOUT, RunStatus.BUDGET_EXCEEDED);
    assertThat(took).as(source).isLessThan(LIMIT.plusSeconds(1));
  }

  @org.junit.jupiter.api.Test
  void replacingBuiltinsTheSandboxUsesChangesNothingItDoes() {
    String tamper =
        """
        Math.ceil = Math.log = function () { return 0; };
        Object.getOwnPropertyDescriptor = function () { return undefined; };
        Object.defineProperty = function () {};
        Function.prototype.call = Function.prototype.bind = function () { return 0; };
        JSON.stringify = JSON.parse = function () { return '"hijacked"'; };
        String = function () { return ''; };
        Array.isArray = function () { return false; };
        """;

    RunOutcome bomb =
        Runs.shared()
            .run(request(tamper + "return {length: 9e15, indexOf: [].indexOf}.indexOf(1);"));
    RunOutcome sorting =
        Runs.shared().run(request(tamper + "var a = []; a.length = 5e7; a.sort(); return 1;"));
    RunOutcome result =
        Runs.shared()
            .run(
                request(
                    tamper
                        + "var e = new Error('x'); return {hidden: typeof e.nashornException, n: [1]};"));

    assertThat(bomb.exceeded()).contains(Budget.OPERATIONS);
    assertThat(sorting.exceeded()).contains(Budget.OPERATIONS);
    assertThat(Runs.body(result)).isEqualTo("{\"hidden\":\"undefined\",\"n\":[1]}");
  }

  private static RunRequest request(String source) {
    return Runs.request(Runs.shared(), source, Runs.wallClock(LIMIT), Runs.ctx(UUID.randomUUID()));
  }
}
