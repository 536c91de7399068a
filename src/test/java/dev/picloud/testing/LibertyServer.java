package dev.picloud.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Liberty process running the server that {@code ./mvnw package} prepared in target/liberty.
 * Each instance writes logs and work area under its own output folder, so several can run at once
 * from one installation (a cluster, or a node restarted after {@link #kill()}).
 */
public final class LibertyServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Path wlp;
  private final String serverName;
  private final Path outputDir;
  private final int port;
  private final Map<String, String> env;
  private final boolean inheritIo;
  private Process process;

  public LibertyServer(Path outputDir, int port, Map<String, String> env, boolean inheritIo) {
    this.wlp =
        Path.of(System.getProperty("picloud.wlp.dir", "target/liberty/wlp")).toAbsolutePath();
    this.serverName = System.getProperty("picloud.server.name", "picloud");
    this.outputDir = outputDir.toAbsolutePath();
    this.port = port;
    this.env = Map.copyOf(env);
    this.inheritIo = inheritIo;
  }

  public int port() {
    return port;
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + port);
  }

  public Path messagesLog() {
    return outputDir.resolve(serverName).resolve("logs/messages.log");
  }

  /** Starts the process (JVM = the one running this code) and returns at once. */
  public LibertyServer start() {
    if (!Files.isDirectory(wlp.resolve("usr/servers").resolve(serverName))) {
      throw new IllegalStateException("No Liberty server at " + wlp + ": run ./mvnw package first");
    }
    ProcessBuilder builder =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", serverName);
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("WLP_OUTPUT_DIR", outputDir.toString());
    environment.put("PICLOUD_HTTP_PORT", Integer.toString(port));
    environment.putAll(env);
    if (inheritIo) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true).redirectOutput(outputDir.resolve("console.log").toFile());
    }
    try {
      Files.createDirectories(outputDir);
      clearIncidents();
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Liberty", e);
    }
    return this;
  }

  /** The FFDC incidents this server wrote since it started (older ones are cleared at start). */
  public Path incidents() {
    return messagesLog().resolveSibling("ffdc");
  }

  private void clearIncidents() throws IOException {
    if (Files.isDirectory(incidents())) {
      try (Stream<Path> files = Files.list(incidents())) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /**
   * Waits until {@code /health/ready} answers 200 and the application itself answers {@code
   * /version}: readiness alone can briefly read UP before the application's context root exists.
   */
  public LibertyServer awaitReady() {
    return await("/health/ready", READY_TIMEOUT).await("/version", READY_TIMEOUT);
  }

  public LibertyServer await(String path, Duration timeout) {
    if (answers(baseUri().resolve(path), timeout, process)) {
      return this;
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Liberty exited with " + process.exitValue() + "; see " + messagesLog());
    }
    throw new IllegalStateException(
        "Liberty not ready within " + timeout + "; see " + messagesLog());
  }

  /**
   * Polls {@code uri} until it answers 200: false once {@code process} has ended or {@code timeout}
   * has passed.
   */
  static boolean answers(URI uri, Duration timeout, Process process) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + uri, e);
      }
      sleep(250);
    }
    return false;
  }

  /** Waits until the server's messages.log contains {@code text}; returns the whole log. */
  public String awaitLog(String text, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String log = log();
      if (log.contains(text)) {
        return log;
      }
      if (!process.isAlive()) {
        break;
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "'" + text + "' not logged within " + timeout + "; see " + messagesLog());
  }

  public String log() {
    try {
      return Files.exists(messagesLog()) ? Files.readString(messagesLog()) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Blocks until the server process ends and returns its exit code. */
  public int awaitExit() throws InterruptedException {
    return process.waitFor();
  }

  /** Simulates a crash: SIGKILL to the server JVM and its launcher script. */
  public void kill() {
    processes().forEach(ProcessHandle::destroyForcibly);
    waitFor(Duration.ofSeconds(30));
  }

  /** A graceful stop (SIGTERM, which Liberty handles as a normal server stop). */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    processes().forEach(ProcessHandle::destroy);
    if (!waitFor(Duration.ofSeconds(60))) {
      kill();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    if (process != null) {
      process.descendants().forEach(all::add);
      all.add(process.toHandle());
    }
    return all;
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Environment for a server using the given database. */
  public static Map<String, String> databaseEnv(String jdbcUrl, String user, String password) {
    Map<String, String> env = new HashMap<>();
    env.put("PICLOUD_DB_URL", jdbcUrl);
    env.put("PICLOUD_DB_USER", user);
    env.put("PICLOUD_DB_PASSWORD", password);
    return env;
  }
}
