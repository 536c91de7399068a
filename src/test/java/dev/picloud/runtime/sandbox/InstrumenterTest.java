package dev.picloud.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.ScriptSyntaxException;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

class InstrumenterTest {
  @ParameterizedTest
  @ValueSource(strings = {"tricky-syntax.js", "ctx-free-algorithms.js"})
  void instrumentedScriptComputesWhatNashornComputesWithoutInstrumentation(String script)
      throws ScriptException {
    String source = Runs.script(script);
    ScriptEngine plain =
        new NashornScriptEngineFactory().getScriptEngine(new String[] {"--language=es6"});
    Object expected = plain.eval("JSON.stringify((function () {" + source + "\n})())");

    assertThat(Runs.body(Runs.run(source))).isEqualTo(expected).contains("two");
  }

  @Test
  void instrumentationAddsNoLines() throws ScriptSyntaxException {
    String source = Runs.script("tricky-syntax.js");

    String instrumented = Instrumenter.instrument(source);

    assertThat(newlines(instrumented)).isEqualTo(newlines(source) + 1);
  }

  private static long newlines(String text) {
    return text.chars().filter(c -> c == '\n').count();
  }

  @Test
  void runtimeErrorsReportTheUsersLine() {
    String source =
        """
        for (var i = 0; i < 3; i++) { }
        function f() {
          return [1].map(x => x + 1);
        }
        f();
        undefinedFunction();
        """;

    assertThat(Runs.error(source)).endsWith("(line 6)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "while (c()) x++;",
        "for (;;) break;",
        "for (var k in o) {}",
        "for (let v of o) v;",
        "do x++; while (c())",
        "L: do { continue L; } while (c())"
      })
  void everyLoopGetsTheLoopHook(String loop) throws ScriptSyntaxException {
    assertThat(Instrumenter.instrument(loop)).contains("if(__pc$l.t);else");
  }

  @Test
  void loopsWithLetOrConstHeadsAreInstrumentedWithEverythingInside() throws ScriptSyntaxException {
    String instrumented =
        Instrumenter.instrument(
            "for (let i = 0; ; i++) { for (const k of o) { function f() { while (1) {} } } }");

    assertThat(instrumented.split("if\\(__pc\\$l\\.t\\);else", -1)).hasSize(4);
    assertThat(instrumented).contains("for (let i = 0; ; i++)").contains("for (const k of o)");
    assertThat(instrumented).contains("function f() {__pc$f.t;try{");
  }

  @Test
  void functionsGetEntryAndExitHooksAfterTheirDirectivesAndExpressionArrowsTheLoopHook()
      throws ScriptSyntaxException {
    String instrumented =
        Instrumenter.instrument("function f() { 'use strict'; return 1; } var g = () => 2;");

    assertThat(instrumented)
        .contains("{ 'use strict';__pc$f.t;try{ return 1; }finally{__pc$r.t;}}")
        .contains("=>__pc$l.t?0: 2");
  }

  @Test
  void catchesAndThrowsGoThroughTheirHooks() throws ScriptSyntaxException {
    String instrumented = Instrumenter.instrument("try { throw err; } catch (e) { e; }");

    assertThat(instrumented).contains("throw __pc$w.v= err").contains("{e=__pc$k(e); e; }");
  }

  @ParameterizedTest
  @ValueSource(strings = {"var x = ;", "function (", "return }", "`unterminated", "/unterminated"})
  void invalidSourceIsASyntaxError(String source) {
    assertThatThrownBy(() -> Instrumenter.instrument(source))
        .isInstanceOf(ScriptSyntaxException.class);
  }

  @Test
  void deeplyNestedSourceIsASyntaxErrorNotACrash() {
    String deep = "return " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ";";

    assertThatThrownBy(() -> Instrumenter.instrument(deep))
        .isInstanceOf(ScriptSyntaxException.class);
    assertThat(Runs.run("return 1;").status()).isEqualTo(RunStatus.SUCCESS);
  }
}
