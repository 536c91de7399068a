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
 * A client's mistake (404, 409, 422) thrown out of a transactional facade rolls the transaction
 * back and leaves no FFDC incident: those files of object dumps are for the platform's own
 * failures, and Liberty wrote one for every kind of refusal.
 */
class RefusalsIT {
  private static final String REFUSAL = "dev.picloud.platform.control.ApiException";

  private final Scenario scenario = Scenario.onTestServer();

  @Test
  void refusalsRollBackAndLeaveNoIncident() throws Exception {
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
    // Incidents are cleared when the server starts: none of this run's refusals, these or any other
    // test's, may have left one.
    assertThat(incidentsNaming(REFUSAL)).isEmpty();
  }

  private static List<Path> incidentsNaming(String exception) throws IOException {
    Path ffdc = TestServer.get().liberty().incidents();
    if (!Files.isDirectory(ffdc)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(ffdc)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("ffdc_"))
          .filter(f -> mentions(f, exception))
          .toList();
    }
  }

  private static boolean mentions(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
