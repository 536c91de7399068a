package dev.picloud.deadletters.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import jakarta.json.JsonObject;
import java.util.UUID;

/** A new app whose async routes run scripts that throw: where dead letters come from. */
final class FailingApp {
  static final String ALWAYS_FAILS = "throw new Error('always fails ' + ctx.attempt);";

  private final Scenario scenario;
  final String id;
  final Api site;
  final DeadLettersApi deadLetters;

  FailingApp(Scenario scenario) {
    this.scenario = scenario;
    JsonObject created = scenario.createApp("dead");
    id = created.getString("id");
    site = scenario.publicApi(created.getString("slug"));
    deadLetters = new DeadLettersApi(scenario.asOwner(), id);
  }

  /** An async route at {@code path} to a new script; returns the script's id. */
  String asyncRoute(String path, String source) {
    String script = scenario.createScript(id, source);
    scenario.createRoute(id, script, "{\"path\":\"" + path + "\",\"dispatch_mode\":\"async\"}");
    return script;
  }

  /** A request the route accepts (202); returns its execution id. */
  String accept(String path, String body) {
    Api.Reply accepted = site.post(path, body);
    assertThat(accepted.status()).as("accepted: %s", accepted).isEqualTo(202);
    return accepted.json().getString("execution_id");
  }

  /** A request to a new always-failing route, once dead-lettered; returns the dead letter's id. */
  String deadLetter() throws InterruptedException {
    String path = "/fails-" + UUID.randomUUID();
    asyncRoute(path, ALWAYS_FAILS);
    return deadLetters.awaitFor(accept(path, "{}")).getString("id");
  }
}
