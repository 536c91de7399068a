package dev.picloud.deadletters.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.function.Predicate;

/** Test driver for one app's dead letters, as one caller. */
final class DeadLettersApi {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Api api;
  private final String app;
  private final String base;

  DeadLettersApi(Api api, String app) {
    this.api = api;
    this.app = app;
    this.base = "/api/v1/admin/apps/" + app + "/dead_letters";
  }

  /** The same app's dead letters as another caller. */
  DeadLettersApi as(Api other) {
    return new DeadLettersApi(other, app);
  }

  Api.Reply list(String query) {
    return api.get(base + query);
  }

  Api.Reply count() {
    return api.get(base + "/count");
  }

  long unresolved() {
    Api.Reply reply = count();
    assertThat(reply.status()).as("count: %s", reply).isEqualTo(200);
    return reply.json().getJsonNumber("unresolved").longValue();
  }

  Api.Reply get(String id) {
    return api.get(base + "/" + id);
  }

  JsonObject detail(String id) {
    Api.Reply reply = get(id);
    assertThat(reply.status()).as("detail: %s", reply).isEqualTo(200);
    return reply.json();
  }

  Api.Reply replay(String id) {
    return api.post(base + "/" + id + "/replay", null);
  }

  Api.Reply resolve(String id, String json) {
    return api.post(base + "/" + id + "/resolve", json);
  }

  Api.Reply replayAll(String json) {
    return api.post(base + "/replay", json);
  }

  Api.Reply resolveAll(String json) {
    return api.post(base + "/resolve", json);
  }

  /** A problem answer with this status and code. */
  static void assertProblem(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.code()).isEqualTo(code);
  }

  /** The dead letter of an execution, once its retries ran out. */
  JsonObject awaitFor(String executionId) throws InterruptedException {
    return await(item -> item.getString("execution_id").equals(executionId));
  }

  /** Polls the unresolved list until an item matches. */
  JsonObject await(Predicate<JsonObject> match) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonValue item : list("?unresolved=true&limit=200").json().getJsonArray("items")) {
        if (match.test(item.asJsonObject())) {
          return item.asJsonObject();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such dead letter within " + WAIT);
  }
}
