package dev.picloud.scripts.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run of a script version this node has compiled never reads the source; a version it has not
 * compiled is read whole, source included, and compiled. The source is changed behind the API's
 * back to tell the two apart: the API would also move the version.
 */
class CompiledVersionsIT {
  private final Scenario scenario = Scenario.onTestServer();
  private String script;
  private Api site;

  @BeforeEach
  void route() {
    JsonObject app = scenario.createApp("versions");
    script = scenario.createScript(app.getString("id"), "return 'one';");
    scenario.createRoute(app.getString("id"), script, "{\"path\":\"/which\"}");
    site = scenario.publicApi(app.getString("slug"));
  }

  @Test
  void aCompiledVersionRunsWithoutReadingItsSource() throws SQLException {
    assertThat(site.get("/which").body()).isEqualTo("\"one\"");

    changeSource("return 'two';", false);

    assertThat(site.get("/which").body()).as("sync route").isEqualTo("\"one\"");
    assertThat(scenario.execute(script, "{}").body()).as("direct run").isEqualTo("\"one\"");
  }

  @Test
  void aVersionNotCompiledHereIsReadWithItsSource() throws SQLException {
    assertThat(site.get("/which").body()).isEqualTo("\"one\"");

    changeSource("return 'three';", true);

    assertThat(site.get("/which").body()).as("sync route").isEqualTo("\"three\"");
    changeSource("return 'four';", true);
    assertThat(scenario.execute(script, "{}").body()).as("direct run").isEqualTo("\"four\"");
  }

  /** As another node would change it: this node has not compiled the new source. */
  private void changeSource(String source, boolean newVersion) throws SQLException {
    String sql =
        "UPDATE scripts SET source = ?"
            + (newVersion ? ", version = version + 1" : "")
            + " WHERE id = ?";
    try (Connection db = TestServer.get().connect();
        PreparedStatement update = db.prepareStatement(sql)) {
      update.setString(1, source);
      update.setObject(2, UUID.fromString(script));
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
