package dev.picloud.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.LibertyServer;
import dev.picloud.testing.Scenario;
import dev.picloud.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up on a fresh database, on an unreachable one, and with an unusable setting. */
class StartupIT {
  private static final Duration START = Duration.ofSeconds(180);
  private final TestServer shared = TestServer.get();

  @Test
  void freshInstanceGeneratesAnOwnerPasswordOnceIntoAnOwnerOnlyFile() throws Exception {
    String db = "fresh_" + Long.toHexString(System.nanoTime());
    Path output = Path.of("target/it-startup/" + db);
    Path passwordFile = output.resolve("owner-password");
    Map<String, String> env = new HashMap<>(shared.databaseEnv(shared.createDatabase(db)));
    env.put("PICLOUD_ADMIN_PASSWORD_FILE", passwordFile.toAbsolutePath().toString());
    try (LibertyServer server = new LibertyServer(output, TestServer.freePort(), env, false)) {
      int sharedLogBefore = shared.liberty().log().length();
      server.start().awaitReady();
      assertThat(shared.liberty().log().substring(sharedLogBefore))
          .as("a second server from the same installation leaves the running one's app alone")
          .doesNotContain("CWWKZ0009I", "CWWKZ0003I");
      String password = Files.readString(passwordFile).trim();
      assertThat(password).hasSizeGreaterThanOrEqualTo(24);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      assertThat(server.log())
          .contains("Created owner 'admin' with generated password " + password);

      Api api = new Scenario(apiOf(server)).api();
      Api.Reply login =
          api.post(
              "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.json().getJsonObject("user").getString("instance_role")).isEqualTo("owner");
    }
  }

  @Test
  void unreachableDatabaseIsOneClearLineAndNotReady() {
    Path output = Path.of("target/it-startup/unreachable");
    Map<String, String> env =
        LibertyServer.databaseEnv(
            "jdbc:postgresql://127.0.0.1:" + TestServer.freePort() + "/nowhere",
            "nobody",
            "nothing");
    try (LibertyServer server = new LibertyServer(output, TestServer.freePort(), env, false)) {
      server.start();
      String log = server.awaitLog("PiCloud cannot prepare its database", START);
      server.await("/health/live", START);
      Api.Reply ready = apiOf(server).get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body()).contains("not applied");
      assertThat(log).contains("retrying every 5 s");
      assertThat(count(server.log(), "PiCloud cannot prepare its database")).isEqualTo(1);
      assertThat(server.log()).as("no stack traces").doesNotContain("\tat ");
    }
  }

  @Test
  void unusableSettingStopsStartUpNamingTheVariable() {
    Path output = Path.of("target/it-startup/invalid");
    Map<String, String> env =
        new HashMap<>(LibertyServer.databaseEnv("jdbc:postgresql://127.0.0.1:1/x", "a", "b"));
    env.put("PICLOUD_MAX_BODY_BYTES", "ten megabytes");
    try (LibertyServer server = new LibertyServer(output, TestServer.freePort(), env, false)) {
      server.start();
      String log = server.awaitLog("CWWKZ0002E", START);
      assertThat(log).contains("PICLOUD_MAX_BODY_BYTES must be an integer between");
      assertThat(log).doesNotContain("PiCloud cannot prepare its database");
    }
  }

  private static Api apiOf(LibertyServer server) {
    return new Api(server.baseUri());
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
