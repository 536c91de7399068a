package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SECURITY.md "Cross-run state": nothing one run sets is visible to the next, same app or not. */
class IsolationTest {
  private static final String POLLUTE =
      """
      Object.prototype.polluted = 1;
      globalThis.secret = 's';
      leakedGlobal = 'g';
      Array.prototype.push = function () { return 'hijacked'; };
      JSON.stringify = function () { return '"hijacked"'; };
      String.prototype.trim = function () { return 'hijacked'; };
      Math.random = function () { return 4; };
      regex.injected = 1;
      return 'polluted';
      """;
  private static final String INSPECT =
      """
      var seen = [];
      seen.push(typeof ({}).polluted, typeof globalThis.secret, typeof leakedGlobal);
      seen.push(' x '.trim(), Math.random() === 4, typeof regex.injected);
      return seen;
      """;
  private static final String CLEAN =
      "[\"undefined\",\"undefined\",\"undefined\",\"x\",false,\"undefined\"]";

  @Test
  void secondRunOfTheSameAppSeesNoneOfTheFirstRunsState() {
    UUID app = UUID.randomUUID();

    assertThat(body(POLLUTE, app)).isEqualTo("\"polluted\"");
    assertThat(body(INSPECT, app)).isEqualTo(CLEAN);
  }

  @Test
  void runOfAnotherAppSeesNoneOfItEither() {
    assertThat(body(POLLUTE, UUID.randomUUID())).isEqualTo("\"polluted\"");
    assertThat(body(INSPECT, UUID.randomUUID())).isEqualTo(CLEAN);
  }

  @Test
  void concurrentRunsDoNotShareGlobals() throws Exception {
    var first =
        Runs.shared()
            .submit(
                Runs.request(
                    Runs.shared(),
                    "globalThis.mine = ctx.app.id; for (var i = 0; i < 100000; i++) {} return globalThis.mine === ctx.app.id;",
                    Limits.defaults(false),
                    Runs.ctx(UUID.randomUUID())));
    var second =
        Runs.shared()
            .submit(
                Runs.request(
                    Runs.shared(),
                    "globalThis.mine = ctx.app.id; for (var i = 0; i < 100000; i++) {} return globalThis.mine === ctx.app.id;",
                    Limits.defaults(false),
                    Runs.ctx(UUID.randomUUID())));

    assertThat(Runs.body(first.get())).isEqualTo("true");
    assertThat(Runs.body(second.get())).isEqualTo("true");
  }

  @Test
  void logsBelongToTheirOwnRun() {
    RunOutcome first = Runs.run("log.info('first'); return 1;");
    RunOutcome second = Runs.run("log.info('second'); return 2;");

    assertThat(first.logs()).extracting(LogLine::message).containsExactly("first");
    assertThat(second.logs()).extracting(LogLine::message).containsExactly("second");
  }

  private static String body(String source, UUID app) {
    return Runs.body(
        Runs.shared()
            .run(Runs.request(Runs.shared(), source, Limits.defaults(false), Runs.ctx(app))));
  }
}
