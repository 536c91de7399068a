package dev.picloud.triggers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KV writes fire triggers: the whole story over HTTP (issue 5). */
class KvTriggersIT {
  private final Scenario scenario = Scenario.onTestServer();
  private Api owner;
  private String app;
  private String base;

  @BeforeEach
  void app() {
    owner = scenario.asOwner();
    app = scenario.createApp("kvtrig").getString("id");
    base = "/api/v1/admin/apps/" + app;
  }

  @Test
  void aFailingKvTriggerRetriesOnScheduleDeadLettersAndIsReplayedThenResolved() throws Exception {
    String failing =
        scenario.createScript(app, "throw new Error('cannot ship ' + ctx.event.kv.key);");
    owner.post(
        base + "/triggers/kv",
        "{\"script_id\":\"" + failing + "\",\"collection_glob\":\"orders\"}");
    assertThat(owner.put(base + "/kv/orders/o-1", "{\"total\":5}").status()).isEqualTo(201);

    JsonObject deadLetter = awaitDeadLetters(1).getJsonObject(0);
    assertThat(deadLetter.getString("source")).isEqualTo("kv");
    assertThat(deadLetter.getString("op")).isEqualTo("insert");
    JsonObject detail = owner.get(base + "/dead_letters/" + deadLetter.getString("id")).json();
    JsonArray errors = detail.getJsonArray("errors");
    assertThat(errors).hasSize(3);
    assertThat(errors.getJsonObject(2).getString("error")).contains("cannot ship o-1");
    // Exponential backoff from 200 ms with 20 % jitter: at least 160 ms, then 320 ms apart.
    assertThat(gap(errors, 0, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(160));
    assertThat(gap(errors, 1, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(320));
    assertThat(
            detail
                .getJsonObject("payload")
                .getJsonObject("event")
                .getJsonObject("kv")
                .getJsonObject("value")
                .getInt("total"))
        .isEqualTo(5);
    assertThat(unresolved()).isEqualTo(1);

    Api.Reply replay =
        owner.post(base + "/dead_letters/" + deadLetter.getString("id") + "/replay", null);
    assertThat(replay.status()).isEqualTo(202);
    JsonArray twoNow = awaitDeadLetters(2);
    assertThat(unresolved()).isEqualTo(1);
    String fresh = twoNow.getJsonObject(0).getString("id");
    assertThat(
            owner
                .post(base + "/dead_letters/" + fresh + "/resolve", "{\"reason\":\"ignored\"}")
                .status())
        .isEqualTo(200);
    assertThat(unresolved()).isZero();
  }

  @Test
  void aWriteInAScriptThatThenThrowsLeavesNoValueAndFiresNothing() throws Exception {
    String watcher = scenario.createScript(app, "log.info('fired');");
    owner.post(
        base + "/triggers/kv", "{\"script_id\":\"" + watcher + "\",\"collection_glob\":\"*\"}");
    String writer =
        scenario.createScript(
            app, "kv.collection('c').set('k', 1); throw new Error('after the write');");
    assertThat(scenario.execute(writer, "{}").status()).isEqualTo(502);
    String ok = scenario.createScript(app, "kv.collection('c').set('other', 2);");
    assertThat(scenario.execute(ok, "{}").status()).isEqualTo(204);
    awaitRuns(watcher, 1);
    Thread.sleep(500);
    assertThat(owner.get(base + "/kv/c/k").status()).isEqualTo(404);
    assertThat(owner.get(base + "/kv/c/other").body()).isEqualTo("2");
    assertThat(runs(watcher)).as("only the committed write fired").isEqualTo(1);
  }

  @Test
  void aThreeDeepChainKeepsOneRootIdAndCountsItsDepth() throws Exception {
    String first = scenario.createScript(app, "kv.collection('step1').set('k', 1);");
    String second =
        scenario.createScript(app, "kv.collection('step2').set('k', ctx.triggerDepth);");
    String third = scenario.createScript(app, "kv.collection('step3').set('k', ctx.triggerDepth);");
    String last = scenario.createScript(app, "log.info(String(ctx.triggerDepth));");
    owner.post(
        base + "/triggers/kv", "{\"script_id\":\"" + second + "\",\"collection_glob\":\"step1\"}");
    owner.post(
        base + "/triggers/kv", "{\"script_id\":\"" + third + "\",\"collection_glob\":\"step2\"}");
    owner.post(
        base + "/triggers/kv", "{\"script_id\":\"" + last + "\",\"collection_glob\":\"step3\"}");

    String root = scenario.execute(first, "{}").header("X-Execution-Id");
    awaitRuns(last, 1);
    List<JsonObject> chain =
        owner
            .get(base + "/executions?root=" + root)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(chain).hasSize(4);
    assertThat(
            chain.stream()
                .map(log -> log.getString("root_execution_id"))
                .collect(Collectors.toSet()))
        .isEqualTo(Set.of(root));
    JsonObject deepest =
        chain.stream()
            .filter(log -> log.getString("script_id").equals(last))
            .findFirst()
            .orElseThrow();
    assertThat(deepest.getJsonArray("logs").getJsonObject(0).getString("message")).isEqualTo("3");
  }

  @Test
  void aSelfTriggeringLoopStopsAtTheDepthLimit() throws Exception {
    String loop =
        scenario.createScript(
            app, "var c = kv.collection('loop'); c.set('n', (c.get('n') || 0) + 1);");
    owner.post(
        base + "/triggers/kv", "{\"script_id\":\"" + loop + "\",\"collection_glob\":\"loop\"}");
    scenario.execute(loop, "{}");
    awaitRuns(loop, 9);
    Thread.sleep(1500);
    assertThat(runs(loop)).as("the direct run and 8 trigger levels").isEqualTo(9);
    assertThat(owner.get(base + "/kv/loop/n").body()).isEqualTo("9");
  }

  @Test
  void triggersRunAsTheirRegistrantsCurrentRoleAndNotAtAllWhenTheyAreInactive() throws Exception {
    Scenario.User admin = scenario.newUser("registrant");
    scenario.addMember(app, admin.username(), "app_admin");
    String writer =
        scenario.createScript(
            app, "kv.collection('copies').set(ctx.event.kv.key, ctx.event.kv.value);");
    Api asAdmin = scenario.api().as(admin.token());
    assertThat(
            asAdmin
                .post(
                    base + "/triggers/kv",
                    "{\"script_id\":\"" + writer + "\",\"collection_glob\":\"src\"}")
                .status())
        .isEqualTo(201);

    owner.put(base + "/kv/src/a", "1");
    awaitValue("/kv/copies/a", "1");

    scenario.addMember(app, admin.username(), "viewer");
    owner.put(base + "/kv/src/b", "2");
    JsonObject refused = awaitRuns(writer, 2).get(0);
    assertThat(refused.getString("error")).contains("kv: forbidden");

    owner.patch("/api/v1/admin/users/" + admin.id(), "{\"is_active\":false}");
    owner.put(base + "/kv/src/c", "3");
    JsonObject notRun = awaitRuns(writer, 3).get(0);
    assertThat(notRun.getString("error")).contains("not_run").contains("not active");
  }

  private JsonArray awaitDeadLetters(int count) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonArray items = owner.get(base + "/dead_letters").json().getJsonArray("items");
      if (items.size() >= count) {
        return items;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + count + " dead letters");
  }

  private int unresolved() {
    return owner.get(base + "/dead_letters/count").json().getInt("unresolved");
  }

  private List<JsonObject> awaitRuns(String script, int count) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      List<JsonObject> items =
          owner
              .get(base + "/executions?script=" + script)
              .json()
              .getJsonArray("items")
              .getValuesAs(JsonObject.class);
      if (items.size() >= count) {
        return items;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + count + " runs of " + script);
  }

  private int runs(String script) {
    return owner.get(base + "/executions?script=" + script).json().getJsonArray("items").size();
  }

  private void awaitValue(String path, String value) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Api.Reply reply = owner.get(base + path);
      if (reply.status() == 200 && reply.body().equals(value)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " never became " + value);
  }

  private static Duration gap(JsonArray errors, int from, int to) {
    return Duration.between(
        Instant.parse(errors.getJsonObject(from).getString("at")),
        Instant.parse(errors.getJsonObject(to).getString("started_at")));
  }
}
