package dev.picloud.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An expected failure thrown out of a transactional facade (a client's 404, 409 or 422; a lost
 * claim, a changed KV entry, an idempotency key taken meanwhile) rolls the transaction back and
 * leaves no FFDC incident: those files of object dumps are for the platform's own failures, and
 * Liberty wrote one for every kind of expected failure.
 */
class ExpectedFailuresIT {
  private static final List<String> EXPECTED =
      List.of(
          "dev.picloud.platform.control.ApiException",
          "dev.picloud.kv.control.KvConflict",
          "dev.picloud.outbox.boundary.RowCommits$LostClaim",
          "dev.picloud.routes.boundary.AsyncAcceptance$KeyTaken");

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void refusalsRollBackAndNoExpectedFailureLeavesAnIncident() throws Exception {
    String app = scenario.createApp("refusals").getString("id");
    String script = scenario.createScript(app, "return 1;");
    scenario.createRoute(app, script, "{\"path\":\"/in-use\"}");
    String scripts = "/api/v1/admin/apps/" + app + "/scripts";

    assertThat(
            scenario
                .asOwner()
                .post(
                    scripts,
                    "{\"name\":\"x\",\"source\":\"return 1;\",\"limits\":{\"wall_clock_ms\":5}}")
                .status())
        .isEqualTo(422);
    // The delete is flushed, fails on the route's foreign key, and must not be committed.
    assertThat(scenario.asOwner().delete(scripts + "/" + script).code()).isEqualTo("script_in_use");
    assertThat(scenario.asOwner().get(scripts + "/" + script).status()).isEqualTo(200);
    assertThat(scenario.asOwner().get(scripts + "/00000000-0000-0000-0000-000000000000").status())
        .isEqualTo(404);

    Thread.sleep(500);
    // Incidents are cleared when the server starts: none of this run's expected failures, these or
    // any earlier test's (the dispatcher tests lose claims), may have left one.
    assertThat(incidentsNaming(EXPECTED)).isEmpty();
  }

  private static List<Path> incidentsNaming(List<String> exceptions) throws IOException {
    Path ffdc = TestServer.get().liberty().incidents();
    if (!Files.isDirectory(ffdc)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(ffdc)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("ffdc_"))
          .filter(f -> exceptions.stream().anyMatch(text(f)::contains))
          .toList();
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
