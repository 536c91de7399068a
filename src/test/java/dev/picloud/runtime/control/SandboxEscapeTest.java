package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SECURITY.md "Sandbox escapes" 1-4, plus the routes Nashorn offers beyond them. */
class SandboxEscapeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        // 1. Java access
        "Java.type('java.lang.Runtime')",
        "java.lang.System.exit(0)",
        "Packages.java.io.File",
        "new JavaImporter(java.io)",
        "Java.extend(Object)",
        "new JSAdapter({})",
        "javax.script",
        // 2. Nashorn helpers
        "exit(1)",
        "quit()",
        "load('file:///etc/passwd')",
        "load('http://127.0.0.1:1/')",
        "loadWithNewGlobal({name: 'x', script: 'exit(1)'})",
        "readFully('/etc/passwd')",
        "$EXEC('id')",
        "$ENV.HOME",
        "$ARG",
        "$OPTIONS",
        "print('to stdout')",
        "printf('%s', 'x')",
        "echo('x')",
        // 3. Engine handles
        "engine.eval('1')",
        "context.getWriter()",
        "this.engine.factory.getScriptEngine()",
        "__noSuchProperty__('engine')",
        "Function('return this')()",
        "(function () { return this; })().engine.factory",
        "this.context.getAttribute('engine')",
        "Object.bindProperties({}, this)",
        "Object.setIndexedPropertiesToExternalArrayData({}, null)",
        "new ArrayBuffer(8)",
        "new Int8Array(8)",
        "Error.captureStackTrace({})",
        "Error.dumpStack()",
        "new Error('x').printStackTrace()",
        "new Error('x').getStackTrace()",
        // Java methods behind JavaScript primitives
        "'x'.getClass()",
        "'x'.getClass().forName('java.lang.Runtime')",
        "'abc'.chars().count()",
        "'abc'.getBytes().length",
        "'abc'.bytes.length",
        "'x'.class.name",
        "'x'.wait()",
        "'x'.notifyAll()",
        "'x'.hashCode()",
        "'a'.matches('(a+)+b')",
        "'a'.describeConstable().get()",
        "(1).getClass()",
        "(1.5).doubleValue()",
        "(1).compareTo(2)",
        "true.getClass()",
        "true.booleanValue()",
        "Symbol('s').getClass()",
        "Symbol('s').getName()",
        "new String('x').getClass()",
        // ... also when the name is spelled with escapes (shadowing follows the names a program
        // spells)
        "'abc'.ch\\u0061rs().count()",
        "'x'.\\u0067etBytes()",
        "(1).\\u0064oubleValue()",
        "true.b\\u006foleanValue()",
        // 4. Host objects handed out by the SDK
        "regex.getClass()",
        "regex.isMatch.getClass()",
        "log.info.getClass()",
        "regex.hashCode()",
        "regex.wait()",
        "regex.getMember('isMatch')",
        "regex.isMatch.call(null, 'a', 'a')",
        "new regex.isMatch('a', 'a')",
        "regex.constructor.constructor('return this')()",
        "console.log.apply(null, ['x'])"
      })
  void escapeAttemptIsAScriptError(String attempt) {
    RunOutcome outcome = Runs.run("return " + attempt + ";");

    assertThat(outcome.status()).as(attempt).isEqualTo(RunStatus.SCRIPT_ERROR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Function('return 1')",
        "new Function('return 1')",
        "(function () {}).constructor('return 1')",
        "Object.getPrototypeOf(function () {}).constructor('return 1')",
        "(() => 1).constructor('return 1')",
        "Function.prototype.constructor('return 1')",
        "[].map.constructor('return 1')",
        "Object.getOwnPropertyDescriptor(Function.prototype, 'constructor').value('return 1')",
        "({}).constructor.constructor('return 1')",
        "Error.constructor('return 1')",
        "eval('1')",
        "(0, eval)('1')",
        "globalThis.eval('1')",
        "this['ev' + 'al']('1')",
        "new (Object.getPrototypeOf(function () {}).constructor)('return 1')"
      })
  void codeFromStringsIsUnavailable(String attempt) {
    RunOutcome outcome = Runs.run("return " + attempt + ";");

    assertThat(outcome.status()).as(attempt).isEqualTo(RunStatus.SCRIPT_ERROR);
    assertThat(outcome.error()).hasValueSatisfying(e -> assertThat(e).contains("not available"));
  }

  @Test
  void javaMembersOfPrimitivesAreUndefinedWhetherNamedOrComputed() {
    assertThat(
            Runs.value(
                "(function (name) { return [typeof 'x'[name], typeof 'x'.getBytes,"
                    + " typeof (1).doubleValue, 'doubleValue' in Number.prototype, typeof 'x'.trim];"
                    + " })('get' + 'Bytes')"))
        .isEqualTo("[\"undefined\",\"undefined\",\"undefined\",true,\"function\"]");
    assertThat(Runs.value("typeof 'x'['getBytes']")).isEqualTo("\"undefined\"");
  }

  @Test
  void es6StringMethodsAreJavaScriptNotJava() {
    assertThat(
            Runs.value(
                "['ab'.repeat(2.9), 'abc'.startsWith('b', 1), 'abc'.endsWith('b', 2),"
                    + " 'abc'.includes('c', 3), '😀'.codePointAt(0), 'a'.codePointAt(5) === undefined]"))
        .isEqualTo("[\"abab\",true,true,false,128512,true]");
    assertThat(Runs.error("return 'x'.repeat(-1);")).startsWith("RangeError");
    assertThat(Runs.error("return 'x'.startsWith(/x/);")).startsWith("TypeError");
  }

  @Test
  void functionsStillAreFunctions() {
    assertThat(
            Runs.value(
                "[typeof Function, (function () {}) instanceof Function, (() => 1) instanceof Function]"))
        .isEqualTo("[\"function\",true,true]");
  }

  @Test
  void nothingIsWrittenOrStarted(@TempDir Path dir) throws IOException {
    Path marker = dir.resolve("escaped");
    String path = marker.toString().replace("\\", "/");

    Runs.run("return $EXEC('touch " + path + "');");
    Runs.run("return java.nio.file.Files.createFile(java.nio.file.Paths.get('" + path + "'));");
    Runs.run("return Java.type('java.io.FileOutputStream');");
    Runs.run(
        "return loadWithNewGlobal({name: 'x', script: 'new java.io.FileOutputStream(\""
            + path
            + "\")'});");

    assertThat(marker).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void noEngineHandleIsReachable() {
    assertThat(Runs.value("[typeof engine, typeof context, typeof this.engine, 'engine' in this]"))
        .isEqualTo("[\"undefined\",\"undefined\",\"undefined\",false]");
    assertThat(
            Runs.value(
                "(function () { Object.prototype.__noSuchProperty__ = function (n) { return 'own ' + n; };"
                    + " return typeof engine === 'string' ? engine : typeof engine; })()"))
        .isEqualTo("\"own engine\"");
  }

  @Test
  void globalsAreStandardJavaScriptPlusTheSdk() {
    String names = Runs.value("Object.getOwnPropertyNames(this).sort()");
    Set<String> found = new TreeSet<>(Set.of(names.replaceAll("[\\[\\]\"]", "").split(",")));

    assertThat(found)
        .containsExactlyInAnyOrder(
            "Array",
            "Boolean",
            "Date",
            "Error",
            "EvalError",
            "Function",
            "Infinity",
            "JSON",
            "Map",
            "Math",
            "NaN",
            "Number",
            "Object",
            "RangeError",
            "ReferenceError",
            "RegExp",
            "Set",
            "String",
            "Symbol",
            "SyntaxError",
            "TypeError",
            "URIError",
            "WeakMap",
            "WeakSet",
            "decodeURI",
            "decodeURIComponent",
            "encodeURI",
            "encodeURIComponent",
            "escape",
            "eval",
            "globalThis",
            "isFinite",
            "isNaN",
            "parseFloat",
            "parseInt",
            "undefined",
            "unescape",
            "arguments",
            "__FILE__",
            "__DIR__",
            "__LINE__",
            "log",
            "console",
            "regex",
            "random",
            "time",
            "base64",
            "hex",
            "url");
  }

  @Test
  void errorObjectsHideTheJavaExceptionBehindThem() {
    assertThat(Runs.value("typeof new Error('x').nashornException")).isEqualTo("\"undefined\"");
    assertThat(Runs.value("typeof TypeError('x').nashornException")).isEqualTo("\"undefined\"");
    assertThat(
            Runs.value(
                "(function () { try { null.x; } catch (e) { return typeof e.nashornException; } })()"))
        .isEqualTo("\"undefined\"");
    assertThat(
            Runs.value(
                "(function () { try { regex.find('(', ''); } catch (e) { return [typeof e.nashornException, e instanceof Error]; } })()"))
        .isEqualTo("[\"undefined\",true]");
    assertThat(
            Runs.value(
                "(function () { var e = new Error('x'); try { throw e; } finally { return typeof e.nashornException; } })()"))
        .isEqualTo("\"undefined\"");
  }

  @Test
  void errorsKeepTheirStackAndLineWithoutSandboxFrames() {
    String stack =
        Runs.value(
            "(function () { try { null.x; } catch (e) { return [e.stack, e.lineNumber]; } })()");

    assertThat(stack).contains("TypeError").contains("script:1").doesNotContain("sandbox");
  }

  @Test
  void aSetterNamedNashornExceptionNeverReceivesTheJavaException() {
    String[] attempts = {
      "var o = {}; Object.defineProperty(o, 'nashornException', {set: function (v) { leaked = v; }, configurable: true}); throw o;",
      "var o = {}; Object.defineProperty(o, 'nashornException', {set: function (v) { leaked = v; }}); throw o;",
      "var p = {}; Object.defineProperty(p, 'nashornException', {set: function (v) { leaked = v; }}); throw Object.create(p);",
      "Object.defineProperty(Error.prototype, 'nashornException', {set: function (v) { leaked = v; }}); null.x;",
      "Object.defineProperty(TypeError.prototype, 'nashornException', {set: function (v) { leaked = v; }}); null.x;",
      "var o = Object.create(null); throw o;",
      "var o = Object.preventExtensions(Object.create(null)); throw o;",
      "var o = {nashornException: 1}; throw o;",
      "var e = new Error('x'); Object.defineProperty(e, 'nashornException', {set: function (v) { leaked = v; }}); throw e;"
    };
    for (String attempt : attempts) {
      String source =
          "var leaked; try { (function () { "
              + attempt
              + " })(); } catch (caught) {"
              + " return [typeof leaked, typeof (caught && caught.nashornException)]; }";
      RunOutcome outcome = Runs.run(source);

      assertThat(outcome.status()).as(attempt).isIn(RunStatus.SUCCESS, RunStatus.SCRIPT_ERROR);
      if (outcome.status() == RunStatus.SUCCESS) {
        assertThat(Runs.body(outcome))
            .as(attempt)
            .isIn("[\"undefined\",\"undefined\"]", "[\"undefined\",\"number\"]");
      }
    }
  }

  @Test
  void objectPrototypeNashornExceptionCannotBeRedefined() {
    assertThat(
            Runs.run(
                    "Object.defineProperty(Object.prototype, 'nashornException', {set: function () {}});")
                .status())
        .isEqualTo(RunStatus.SCRIPT_ERROR);
  }

  @Test
  void caughtJavaThrowablesNeverReachScriptCode() {
    RunOutcome overflow =
        Runs.run(
            "function f() { f(); } try { f(); } catch (e) { return typeof e.getClass; }",
            Runs.wallClock(java.time.Duration.ofSeconds(5)));

    assertThat(overflow.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
    assertThat(overflow.exceeded()).contains(Budget.RECURSION);
  }

  @Test
  void sdkObjectsExposeOnlyTheirFunctions() {
    assertThat(
            Runs.value(
                "[typeof regex.getClass, typeof regex.isMatch.getClass, typeof regex.toString, typeof regex.hashCode]"))
        .isEqualTo("[\"undefined\",\"undefined\",\"undefined\",\"undefined\"]");
    assertThat(
            Runs.value(
                "[String(regex), Object.prototype.toString.call(regex), String(regex.isMatch)]"))
        .isEqualTo("[\"[object regex]\",\"[object Object]\",\"regex.isMatch\"]");
    assertThat(
            Runs.value(
                "(function () { var k = []; for (var n in hex) { k.push(n); } return k; })()"))
        .isEqualTo("[\"encode\",\"decode\"]");
  }

  @Test
  void writesToSdkObjectsAreIgnored() {
    assertThat(
            Runs.value(
                "(function () { regex.isMatch = function () { return 'mine'; }; delete hex.encode;"
                    + " return [regex.isMatch('a', 'a'), hex.encode('a')]; })()"))
        .isEqualTo("[true,\"61\"]");
  }
}
