package dev.picloud.deadletters.boundary;

import static dev.picloud.deadletters.boundary.DeadLettersApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with dead letters (viewers read, app admins act), another app's dead letter is
 * not found, and request bodies and parameters are checked strictly.
 */
class DeadLetterAccessIT {
  private final Scenario scenario = Scenario.onTestServer();
  private final FailingApp app = new FailingApp(scenario);
  private final DeadLettersApi deadLetters = app.deadLetters;

  @Test
  void viewersListAndCountButOnlyAppAdminsReplayOrResolve() throws Exception {
    String id = app.deadLetter();
    Scenario.User viewer = scenario.newUser("dl-viewer");
    scenario.addMember(app.id, viewer.username(), "viewer");
    Scenario.User editor = scenario.newUser("dl-editor");
    scenario.addMember(app.id, editor.username(), "editor");
    String readKey = scenario.key(scenario.ownerToken(), app.id, "script:read");

    for (Api reader : List.of(scenario.api().as(viewer.token()), scenario.api().as(readKey))) {
      DeadLettersApi asReader = deadLetters.as(reader);
      assertThat(asReader.list("").status()).isEqualTo(200);
      assertThat(asReader.unresolved()).isOne();
      assertThat(asReader.get(id).status()).isEqualTo(200);
    }
    for (Api notAdmin :
        List.of(
            scenario.api().as(viewer.token()),
            scenario.api().as(editor.token()),
            scenario.api().as(readKey))) {
      DeadLettersApi asOther = deadLetters.as(notAdmin);
      assertThat(asOther.replay(id).status()).isEqualTo(403);
      assertThat(asOther.resolve(id, "{\"reason\":\"ignored\"}").status()).isEqualTo(403);
      assertThat(asOther.replayAll("{}").status()).isEqualTo(403);
      assertThat(asOther.resolveAll("{\"reason\":\"ignored\"}").status()).isEqualTo(403);
    }
    assertThat(deadLetters.unresolved()).isOne();

    Scenario.User admin = scenario.newUser("dl-admin");
    scenario.addMember(app.id, admin.username(), "app_admin");
    Api.Reply byAdmin =
        deadLetters.as(scenario.api().as(admin.token())).resolve(id, "{\"reason\":\"ignored\"}");
    assertThat(byAdmin.status()).as("app_admin resolves: %s", byAdmin).isEqualTo(200);
  }

  @Test
  void anotherAppsDeadLetterIsNotFoundThroughThisApp() throws Exception {
    String id = app.deadLetter();
    DeadLettersApi otherApp =
        new DeadLettersApi(scenario.asOwner(), scenario.createApp("dead-other").getString("id"));

    assertThat(otherApp.get(id).status()).isEqualTo(404);
    assertThat(otherApp.replay(id).status()).isEqualTo(404);
    assertThat(otherApp.resolve(id, "{\"reason\":\"ignored\"}").status()).isEqualTo(404);
    assertThat(otherApp.resolveAll("{\"reason\":\"ignored\"}").json().getInt("count")).isZero();
    assertThat(deadLetters.get("00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    assertThat(deadLetters.detail(id).getBoolean("resolved")).isFalse();

    Scenario.User outsider = scenario.newUser("dl-outsider");
    assertThat(deadLetters.as(scenario.api().as(outsider.token())).count().status()).isEqualTo(404);
  }

  @Test
  void requestsAreCheckedStrictly() throws Exception {
    String id = app.deadLetter();

    assertProblem(
        deadLetters.resolve(id, "{\"reason\":\"ignored\",\"colour\":\"red\"}"),
        400,
        "unknown_field");
    assertProblem(
        deadLetters.resolveAll("{\"reason\":\"ignored\",\"app_id\":\"" + app.id + "\"}"),
        400,
        "unknown_field");
    assertProblem(deadLetters.replayAll("{\"everything\":true}"), 400, "unknown_field");
    assertProblem(deadLetters.resolve(id, "{\"reason\":5}"), 422, "invalid_type");
    assertProblem(deadLetters.resolve(id, "{\"reason\":\"replayed\"}"), 422, "validation_failed");
    assertProblem(
        deadLetters.resolve(id, "{\"reason\":\"handler_failed\"}"), 422, "validation_failed");
    assertProblem(deadLetters.resolve(id, "{}"), 422, "validation_failed");
    assertProblem(deadLetters.replayAll("{\"source\":\"dead_letter\"}"), 422, "validation_failed");
    assertProblem(deadLetters.replayAll("{\"created_after\":\"yesterday\"}"), 422, "invalid_type");
    assertProblem(deadLetters.list("?unresolved=yes"), 422, "validation_failed");
    assertProblem(deadLetters.list("?trigger_id=42"), 422, "validation_failed");
    assertProblem(deadLetters.list("?limit=201"), 422, "validation_failed");
    assertProblem(deadLetters.list("?cursor=nope"), 422, "validation_failed");
    assertThat(deadLetters.unresolved()).as("nothing was resolved by a refused request").isOne();
  }
}
