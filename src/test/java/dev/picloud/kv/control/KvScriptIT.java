package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.sdk.Services;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code kv} module in real scripts: values, presence, own writes, failed runs, isolation. */
class KvScriptIT {
  private final KvDb kv = new KvDb();
  private final UUID app = kv.newApp();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'text'",
        "''",
        "'ünï ✓ 😀 \\u2028'",
        "42",
        "-3.5",
        "1e+21",
        "0",
        "true",
        "false",
        "null",
        "[]",
        "[1, 'two', null, [true], {a: 1}]",
        "{}",
        "{nested: {deeper: {list: [1, 2, {x: 'y'}]}}, 'quo\"te': 'back\\\\slash'}"
      })
  void everyJsonTypeRoundTripsThroughACommitIntoALaterRun(String literal) {
    String expected = KvRuns.value(kv.session(app), "return " + literal + ";");
    KvSession writer = kv.session(app);
    KvRuns.value(writer, "kv.collection('c').set('k', " + literal + "); return 1;");
    kv.commit(writer);

    String read =
        KvRuns.value(
            kv.session(app), "var v = kv.collection('c').get('k'); return {v: v, t: typeof v};");

    assertThat(KvDb.json(read).asJsonObject().get("v")).isEqualTo(KvDb.json(expected));
  }

  @Test
  void valuesComeBackAsPlainScriptObjects() {
    kv.put(app, "c", "k", "{\"list\":[1,2],\"when\":\"2026-01-01\"}");

    String answer =
        KvRuns.value(
            kv.session(app),
            """
            var v = kv.collection('c').get('k');
            return [Array.isArray(v.list), v.list.length, Object.getPrototypeOf(v) === Object.prototype,
                typeof v.getClass, JSON.stringify(v)];
            """);

    assertThat(answer)
        .isEqualTo(
            "[true,2,true,\"undefined\",\"{\\\"list\\\":[1,2],\\\"when\\\":\\\"2026-01-01\\\"}\"]");
  }

  @Test
  void nanAndInfinityAreStoredAsNullLikeJsonStringify() {
    KvSession run = kv.session(app);
    String answer =
        KvRuns.value(
            run,
            "var c = kv.collection('c'); c.set('nan', NaN); c.set('arr', [Infinity]);"
                + " return [c.get('nan'), c.get('arr')];");

    assertThat(answer).isEqualTo("[null,[null]]");
  }

  @Test
  void aMissingKeyReadsAsNullAndIsNotThere() {
    assertThat(
            KvRuns.value(
                kv.session(app),
                "var c = kv.collection('c'); return [c.get('missing'), c.has('missing')];"))
        .isEqualTo("[null,false]");
  }

  @Test
  void hasSeesStoredEntriesEvenWhenTheirValueIsNull() {
    kv.put(app, "c", "n", "null", "x", "1");

    assertThat(
            KvRuns.value(
                kv.session(app),
                "var c = kv.collection('c'); return [c.has('n'), c.has('x'), c.has('y')];"))
        .isEqualTo("[true,true,false]");
  }

  @Test
  void deleteAnswersWhetherTheKeyWasThereForThisRun() {
    kv.put(app, "c", "stored", "1");
    KvSession run = kv.session(app);

    String answer =
        KvRuns.value(
            run,
            """
            var c = kv.collection('c');
            c.set('pending', 2);
            return [c.delete('stored'), c.delete('stored'), c.delete('pending'), c.delete('never'),
                c.has('stored'), c.get('pending')];
            """);
    kv.commit(run);

    assertThat(answer).isEqualTo("[true,false,true,false,false,null]");
    assertThat(kv.stored(app, "c", "stored")).isEmpty();
    assertThat(kv.rows(app)).isZero();
  }

  @Test
  void aRunReadsItsOwnWritesBeforeAnythingIsCommitted() {
    kv.put(app, "c", "k", "\"old\"");
    KvSession run = kv.session(app);

    String answer =
        KvRuns.value(
            run,
            """
            var c = kv.collection('c');
            c.set('k', 'new'); c.set('fresh', {a: 1});
            var seen = [c.get('k'), c.get('fresh'), c.has('fresh'), c.list().keys];
            return seen;
            """);

    assertThat(answer).isEqualTo("[\"new\",{\"a\":1},true,[\"fresh\",\"k\"]]");
    assertThat(kv.stored(app, "c", "k")).contains("\"old\" v1");
    assertThat(kv.stored(app, "c", "fresh")).isEmpty();
  }

  @Test
  void aMutatedReadDoesNotChangeThePendingValue() {
    KvSession run = kv.session(app);

    String answer =
        KvRuns.value(
            run,
            "var c = kv.collection('c'); var v = {n: 1}; c.set('k', v); v.n = 2;"
                + " var r = c.get('k'); r.n = 3; return c.get('k');");

    assertThat(answer).isEqualTo("{\"n\":1}");
  }

  @Test
  void aRunThatThrowsLeavesNothingBecauseOnlyACommitWrites() {
    KvSession run = kv.session(app);

    RunOutcome outcome =
        KvRuns.run(run, "kv.collection('c').set('k', 1); throw new Error('after the write');");

    assertThat(outcome.status()).isEqualTo(RunStatus.SCRIPT_ERROR);
    // The caller commits only successful runs; until then nothing reached the database.
    assertThat(kv.rows(app)).isZero();
    assertThat(KvRuns.value(kv.session(app), "return kv.collection('c').get('k');"))
        .isEqualTo("null");
  }

  @Test
  void aRunStoppedByItsBudgetLeavesNothing() {
    KvSession run = kv.session(app);

    RunOutcome outcome =
        KvRuns.run(run, "kv.collection('c').set('k', 1); function f() { f(); } f();");

    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
    assertThat(kv.rows(app)).isZero();
  }

  @Test
  void aScriptOnlyEverReachesItsOwnApp() {
    UUID other = kv.newApp();
    kv.put(other, "c", "secret", "\"of the other app\"");

    String answer =
        KvRuns.value(
            kv.session(app),
            """
            var c = kv.collection('c', '%s');
            return [c.get('secret'), c.has('secret'), c.list().keys, c.delete('secret')];
            """
                .formatted(other));

    assertThat(answer).isEqualTo("[null,false,[],false]");
    assertThat(kv.stored(other, "c", "secret")).contains("\"of the other app\" v1");
  }

  @Test
  void aSessionOfAnotherAppIsRefused() {
    UUID other = kv.newApp();

    RunOutcome outcome =
        KvRuns.run(
            app,
            Services.none().with(KvSession.class, kv.session(other)),
            "return kv.collection('c').get('k');");

    assertThat(outcome.error().orElseThrow()).startsWith("Error: kv: internal error");
  }

  @Test
  void noJavaIsReachableThroughTheModule() {
    String answer =
        KvRuns.value(
            kv.session(app),
            """
            var c = kv.collection('c');
            return [typeof kv.getClass, typeof c.getClass, typeof c.get.getClass, String(c),
                typeof c.list, typeof c.store, typeof kv.session, typeof c.get.call];
            """);

    assertThat(answer)
        .isEqualTo(
            "[\"undefined\",\"undefined\",\"undefined\",\"[object kv]\","
                + "\"function\",\"undefined\",\"undefined\",\"undefined\"]");
  }
}
