package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SECURITY.md "Resource abuse", the cases that concern the runtime: each ends within its limit plus
 * one second with the stated status, and the runtime keeps serving afterwards.
 */
class ResourceAbuseTest {
  private static final Duration LIMIT = Duration.ofSeconds(1);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "while (true) {}",
        "for (;;) {}",
        "do {} while (1);",
        "outer: for (;;) { for (;;) { continue outer; } }",
        "var i = 0; while (true) { i++; if (i % 2) continue; }",
        "for (var k in {a: 1}) { k = 'a'; while (1) {} }"
      })
  void infiniteLoopsTimeOutOrExceedTheOperationBudget(String source) {
    RunOutcome outcome = timed(source, Runs.wallClock(LIMIT));

    assertThat(outcome.status()).isIn(RunStatus.TIMEOUT, RunStatus.BUDGET_EXCEEDED);
    assertThat(outcome.exceeded()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "function f() { f(); } f();",
        "function a() { b(); } function b() { a(); } a();",
        "var f = function () { return f() + 1; }; f();",
        "var f = () => f(); f();",
        "var o = {get x() { return this.x; }}; return o.x;"
      })
  void recursionExceedsTheRecursionBudget(String source) {
    RunOutcome outcome = timed(source, Runs.wallClock(LIMIT));

    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
    assertThat(outcome.exceeded()).contains(Budget.RECURSION);
    assertThat(Runs.value("'still serving'")).isEqualTo("\"still serving\"");
  }

  /**
   * An expression arrow has no exit hook: when its calls counted as entries, the 401st call of
   * {@code x => x * 2} in a run ended it for recursion.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "var a = []; for (var i = 0; i < 5000; i++) { a.push(i); } return a.map(x => x * 2)[4999];",
        "var f = x => x + 2; var s = 0; for (var i = 0; i < 4999; i++) { s = f(s); } return s;"
      })
  void expressionArrowsCalledManyTimesAreNotRecursion(String source) {
    RunOutcome outcome = Runs.run(source);

    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Runs.body(outcome)).isEqualTo("9998");
  }

  @Test
  void recursionInsideBuiltInsIsStoppedToo() {
    RunOutcome outcome =
        timed(
            "var o = {}; for (var i = 0; i < 100000; i++) { o = {next: o}; } return JSON.stringify(o).length;",
            Runs.wallClock(LIMIT));

    assertThat(outcome.status())
        .isIn(RunStatus.BUDGET_EXCEEDED, RunStatus.INVALID_RESPONSE, RunStatus.SCRIPT_ERROR);
    assertThat(outcome.status()).isNotEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void stackDepthLimitIsTheScriptsOwn() {
    Limits shallow = withStackDepth(10);

    assertThat(
            timed("function d(n) { return n === 0 ? 0 : d(n - 1); } return d(5);", shallow)
                .status())
        .isEqualTo(RunStatus.SUCCESS);
    assertThat(
            timed("function d(n) { return n === 0 ? 0 : d(n - 1); } return d(20);", shallow)
                .exceeded())
        .contains(Budget.RECURSION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "var a = []; for (;;) a.push(new Array(1e6));",
        "return 'x'.repeat(2e9);",
        "return 'xy'.repeat(1e9).length;",
        "return new Array(1e9).join('x').length;",
        "var a = []; a.length = 4e9 - 1; return a.join('-').length;",
        "return Math.max.apply(null, {length: 1e9});",
        "return String.fromCharCode.apply(null, {length: 4e9 - 1});",
        "return Array.prototype.indexOf.call({length: 9e15}, 1);",
        "return [].concat.call({length: 4e9 - 1}).length;",
        "return JSON.stringify(new Array(1e8)).length;",
        "var a = []; a[1e9] = 1; return JSON.stringify(a).length;",
        "var s = 'x'; for (;;) { s = s + s; s.indexOf('y'); }",
        "var a = []; for (;;) { a.push('x'.repeat(1 << 20)); }",
        "var a = []; for (;;) { var b = []; for (var i = 0; i < 1e5; i++) { b.push({i: i}); } a.push(b); }",
        "return new Set({[Symbol.iterator]: function () { return [].values.call({length: 9e15}); }}).size;",
        "var a = [1]; a.push(a); return a.join().length;"
      })
  void memoryBombsExceedABudgetOrFailWithoutExhaustingTheHeap(String source) {
    RunOutcome outcome = timed(source, Runs.wallClock(LIMIT));

    assertThat(outcome.status())
        .isIn(RunStatus.BUDGET_EXCEEDED, RunStatus.SCRIPT_ERROR, RunStatus.TIMEOUT);
    assertThat(Runs.value("'still serving'")).isEqualTo("\"still serving\"");
  }

  @Test
  void aStringDoubledInALoopIsStoppedByTheMemoryBudgetBetweenTheRunsOwnChecks() {
    // Thirty turns of the loop allocate gigabytes, and the run checks its clocks only every 1,024
    // operations: the watchdog's allocation check is what stops it, not the wall clock.
    RunOutcome outcome =
        timed("var s = 'x'; for (;;) { s = s + s; s.indexOf('y'); }", Runs.wallClock(LIMIT));

    assertThat(outcome.exceeded()).contains(Budget.MEMORY);
  }

  @Test
  void ordinaryHeavyWorkStaysWithinTheDefaultBudgets() {
    RunOutcome outcome =
        Runs.run(
            "function inc(x) { return x + 1; } var s = 0;"
                + " for (var i = 0; i < 3e6; i++) { s = inc(s); } return s;");

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Runs.body(outcome)).isEqualTo("3000000");
  }

  @Test
  void allocationBudgetStopsAScriptThatKeepsAllocating() {
    Limits d = Limits.defaults(false);
    Limits small =
        new Limits(
            Duration.ofSeconds(5),
            Long.MAX_VALUE,
            Duration.ofSeconds(5),
            32L << 20,
            d.stackDepth(),
            d.logBytes(),
            d.responseBytes());

    RunOutcome outcome =
        timed("var a = []; for (;;) { a.push({n: a.length, s: 'v' + a.length}); }", small);

    assertThat(outcome.exceeded()).contains(Budget.MEMORY);
  }

  @Test
  void cpuBudgetStopsABusyScriptBeforeItsWallClock() {
    Limits d = Limits.defaults(false);
    Limits cpu =
        new Limits(
            Duration.ofSeconds(5),
            Long.MAX_VALUE,
            Duration.ofMillis(200),
            // Only the CPU budget may stop it: the loop allocates a little per turn, and on a fast
            // run the default allocation budget could be spent before 200 ms of CPU.
            Long.MAX_VALUE,
            d.stackDepth(),
            d.logBytes(),
            d.responseBytes());

    RunOutcome outcome = timed("var x = 0; while (true) { x++; }", cpu);

    assertThat(outcome.exceeded()).contains(Budget.CPU_TIME);
    assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void operationBudgetCountsLoopIterationsAndCalls() {
    Limits d = Limits.defaults(false);
    Limits ops =
        new Limits(
            d.wallClock(),
            10_000,
            d.cpuTime(),
            d.allocationBytes(),
            d.stackDepth(),
            d.logBytes(),
            d.responseBytes());

    assertThat(timed("for (var i = 0; i < 100; i++) {} return i;", ops).status())
        .isEqualTo(RunStatus.SUCCESS);
    assertThat(timed("for (var i = 0; i < 1e6; i++) {}", ops).exceeded())
        .contains(Budget.OPERATIONS);
    assertThat(timed("function f() {} for (var i = 0; i < 6000; i++) { f(); }", ops).exceeded())
        .contains(Budget.OPERATIONS);
    assertThat(timed("return [].indexOf.call({length: 20000}, 1);", ops).exceeded())
        .contains(Budget.OPERATIONS);
    String thousand = "var a = []; for (var i = 0; i < 1000; i++) { a.push(1000 - i); }";
    assertThat(timed(thousand + " return a.length;", ops).status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(timed(thousand + " a.sort(); return a.length;", ops).exceeded())
        .as("sorting costs n log n")
        .contains(Budget.OPERATIONS);
  }

  @Test
  void aTwoMebibyteBodyIsNotSent() {
    RunOutcome outcome = timed("return 'x'.repeat(2 * 1024 * 1024);", Runs.wallClock(LIMIT));

    assertThat(outcome.exceeded()).contains(Budget.RESPONSE_SIZE);
    assertThat(outcome.response()).isEmpty();
  }

  @Test
  void aMebibyteOfLogsIsTruncatedAndTheRunSucceeds() {
    RunOutcome outcome =
        timed(
            "for (var i = 0; i < 1024; i++) { log.info('x'.repeat(1024)); } return 'done';",
            Runs.wallClock(LIMIT));

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(outcome.logTruncated()).isTrue();
    assertThat(outcome.logs().get(outcome.logs().size() - 1).message()).contains("log truncated");
    assertThat(outcome.logs().stream().mapToInt(l -> l.message().length()).sum())
        .isLessThan(64 * 1024 + 200);
  }

  @Test
  void catastrophicBacktrackingInJavaScriptRegExpEndsWithinItsLimit() {
    RunOutcome outcome =
        timed(
            "return /(a+)+b/.test('" + "a".repeat(24) + "c');",
            Runs.wallClock(Duration.ofMillis(300)));

    assertThat(outcome.status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(outcome.status().httpStatus()).isEqualTo(504);
  }

  private static Limits withStackDepth(int depth) {
    Limits d = Limits.defaults(false);
    return new Limits(
        LIMIT,
        d.operations(),
        d.cpuTime(),
        d.allocationBytes(),
        depth,
        d.logBytes(),
        d.responseBytes());
  }

  /** Runs and checks it ended within its wall clock plus one second. */
  private static RunOutcome timed(String source, Limits limits) {
    RunRequest request = Runs.request(Runs.shared(), source, limits, Runs.ctx(UUID.randomUUID()));
    long start = System.nanoTime();
    RunOutcome outcome = Runs.shared().run(request);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as(source)
        .isLessThan(limits.wallClock().plusSeconds(1));
    return outcome;
  }
}
