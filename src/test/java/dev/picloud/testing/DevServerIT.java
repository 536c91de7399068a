package dev.picloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The run command stopped as a service manager stops it (SIGTERM): Liberty stops first, while its
 * embedded database still answers, so the dispatcher can give back its claims; then the database.
 */
class DevServerIT {
  private static final Duration START = Duration.ofSeconds(180);

  @Test
  void stopsLibertyBeforeItsDatabase() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-run-");
    int port = TestServer.freePort();
    Process run = start(dir, port).start();
    try {
      awaitReady(run, port);
      run.destroy();
      assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("the run command stopped").isTrue();
    } finally {
      run.descendants().forEach(ProcessHandle::destroyForcibly);
      run.destroyForcibly();
    }
    // The dispatcher's own stop message never reaches messages.log when a signal stops the JVM,
    // so the sign is the failure's: had the database gone first, giving back the claims would
    // have failed into an FFDC incident.
    Path incidents = dir.resolve("target/liberty-run/picloud/logs/ffdc");
    assertThat(incidents.toFile().list()).as("FFDC incidents").isNullOrEmpty();
    assertThat(dir.resolve(".picloud/pgdata/postmaster.pid")).as("database stopped").doesNotExist();
  }

  private static ProcessBuilder start(Path dir, int port) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path wlp = Path.of(System.getProperty("picloud.wlp.dir", "target/liberty/wlp"));
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpicloud.wlp.dir=" + wlp.toAbsolutePath(),
                DevServer.class.getName()));
    builder.environment().remove("PICLOUD_DB_URL");
    builder.environment().put("PICLOUD_HOME", dir.resolve(".picloud").toString());
    builder.environment().put("PICLOUD_HTTP_PORT", Integer.toString(port));
    return builder
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile());
  }

  private static void awaitReady(Process run, int port) {
    URI version = URI.create("http://localhost:" + port + "/version");
    if (!LibertyServer.answers(version, START, run)) {
      throw new IllegalStateException("the run command never became ready on port " + port);
    }
  }
}
