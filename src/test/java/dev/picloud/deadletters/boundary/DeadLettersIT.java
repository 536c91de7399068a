package dev.picloud.deadletters.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dead letters over HTTP: an async route whose script always throws runs out of attempts, and an
 * admin follows it through count, detail, replay (which fails again), resolve and the 409s.
 */
class DeadLettersIT {
  private final Scenario scenario = Scenario.onTestServer();
  private final FailingApp app = new FailingApp(scenario);
  private final DeadLettersApi deadLetters = app.deadLetters;

  @Test
  void aDeadLetterIsCountedShownReplayedIntoANewOneAndResolved() throws Exception {
    String script = app.asyncRoute("/fails", FailingApp.ALWAYS_FAILS);
    String first = app.accept("/fails", "{\"order\": 7}");

    JsonObject listed = deadLetters.awaitFor(first);
    assertThat(deadLetters.unresolved()).isOne();
    JsonObject detail = deadLetters.detail(listed.getString("id"));
    assertThat(detail.getString("source")).isEqualTo("http");
    assertThat(detail.getString("op")).isEqualTo("POST");
    assertThat(detail.getString("script_id")).isEqualTo(script);
    assertThat(detail.getInt("attempt_count")).isEqualTo(3);
    assertThat(detail.getString("last_error")).contains("always fails 3");
    assertThat(detail.getBoolean("resolved")).isFalse();
    assertThat(
            detail
                .getJsonObject("payload")
                .getJsonObject("request")
                .getJsonObject("body")
                .getInt("order"))
        .isEqualTo(7);
    JsonArray errors = detail.getJsonArray("errors");
    assertThat(errors).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(errors.getJsonObject(i).getInt("attempt")).isEqualTo(i + 1);
      assertThat(errors.getJsonObject(i).getString("error")).contains("always fails " + (i + 1));
    }
    assertThat(listed).doesNotContainKeys("payload", "errors");

    Api.Reply replay = deadLetters.replay(detail.getString("id"));
    assertThat(replay.status()).as("replay: %s", replay).isEqualTo(202);
    String second = replay.json().getString("execution_id");
    assertThat(replay.json().getString("outbox_id")).isNotBlank();
    assertThat(replay.header("Location")).endsWith("/executions/" + second);

    JsonObject again = deadLetters.detail(deadLetters.awaitFor(second).getString("id"));
    assertThat(again.getString("id")).isNotEqualTo(detail.getString("id"));
    assertThat(again.getString("root_execution_id")).isEqualTo(second);
    assertThat(again.getJsonArray("errors")).hasSize(3);
    assertThat(again.getJsonObject("payload")).isEqualTo(detail.getJsonObject("payload"));
    JsonObject replayed = deadLetters.detail(detail.getString("id"));
    assertThat(replayed.getBoolean("resolved")).isTrue();
    assertThat(replayed.getString("resolution")).isEqualTo("replayed");
    assertThat(replayed.getString("replay_execution_id")).isEqualTo(second);
    assertThat(deadLetters.unresolved()).isOne();
    assertThat(
            scenario
                .asOwner()
                .get("/api/v1/admin/apps/" + app.id + "/executions?root=" + second)
                .json()
                .getJsonArray("items"))
        .hasSize(3);
    assertThat(unresolvedGauge()).isGreaterThanOrEqualTo(1);

    Api.Reply resolved =
        deadLetters.resolve(again.getString("id"), "{\"reason\":\"ignored\",\"note\":\"known\"}");
    assertThat(resolved.status()).as("resolve: %s", resolved).isEqualTo(200);
    assertThat(resolved.json().getString("resolution")).isEqualTo("ignored");
    assertThat(resolved.json().getString("resolution_note")).isEqualTo("known");
    assertThat(deadLetters.unresolved()).isZero();

    for (String id : List.of(detail.getString("id"), again.getString("id"))) {
      assertConflict(deadLetters.replay(id));
      assertConflict(deadLetters.resolve(id, "{\"reason\":\"handled_by_script\"}"));
    }
    assertThat(deadLetters.list("?unresolved=false").json().getJsonArray("items")).hasSize(2);
    assertThat(deadLetters.list("?unresolved=true").json().getJsonArray("items")).isEmpty();
  }

  @Test
  void bulkActionsResolveAndReplayWhatTheFilterMatches() throws Exception {
    app.asyncRoute("/alpha", "throw new Error('alpha went wrong');");
    String beta = app.asyncRoute("/beta", "throw new Error('beta went wrong');");
    List<String> executions =
        List.of(app.accept("/alpha", "{}"), app.accept("/alpha", "{}"), app.accept("/beta", "{}"));
    for (String execution : executions) {
      deadLetters.awaitFor(execution);
    }

    Api.Reply resolved =
        deadLetters.resolveAll(
            "{\"reason\":\"handled_by_script\",\"note\":\"fixed\",\"error\":\"ALPHA went\"}");
    assertThat(resolved.status()).as("bulk resolve: %s", resolved).isEqualTo(200);
    assertThat(resolved.json().getInt("count")).isEqualTo(2);
    assertThat(resolved.json()).doesNotContainKey("outbox_rows");
    assertThat(deadLetters.unresolved()).isOne();

    Api.Reply replayed = deadLetters.replayAll("{\"script_id\":\"" + beta + "\"}");
    assertThat(replayed.status()).as("bulk replay: %s", replayed).isEqualTo(202);
    assertThat(replayed.json().getInt("count")).isOne();
    assertThat(replayed.json().getInt("outbox_rows")).isOne();
    JsonObject betaAgain =
        deadLetters.await(
            item ->
                item.getString("script_id").equals(beta)
                    && !executions.contains(item.getString("execution_id")));
    assertThat(betaAgain.getString("last_error")).contains("beta went wrong");

    assertThat(
            deadLetters
                .resolveAll("{\"reason\":\"ignored\",\"source\":\"kv\"}")
                .json()
                .getInt("count"))
        .isZero();
    assertThat(deadLetters.resolveAll("{\"reason\":\"ignored\"}").json().getInt("count")).isOne();
    assertThat(deadLetters.unresolved()).isZero();
    assertThat(deadLetters.replayAll("{}").json().getInt("count")).isZero();
  }

  private long unresolvedGauge() {
    String metrics = scenario.api().get("/metrics?scope=application").body();
    return metrics
        .lines()
        .filter(line -> line.startsWith("picloud_dead_letters_unresolved"))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dead-letter gauge in " + metrics));
  }

  private static void assertConflict(Api.Reply reply) {
    DeadLettersApi.assertProblem(reply, 409, "already_resolved");
  }
}
