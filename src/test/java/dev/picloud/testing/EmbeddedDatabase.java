package dev.picloud.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server run from the zonky Maven artifact. With a data folder the data survives
 * restarts (a postmaster orphaned by a killed JVM is shut down first); without one it lives in a
 * throwaway folder.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String DATABASE = "postgres";

  /** Ignored (the embedded server trusts local connections) but Liberty requires one. */
  public static final String PASSWORD = "postgres";

  static {
    // zonky logs every start at INFO through slf4j; warnings and errors are what matter here.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private static final Map<String, String> THROWAWAY =
      Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

  /** Every commit waits for its WAL to reach the disk: what an operator's database does. */
  private static final Map<String, String> DURABLE =
      Map.of("fsync", "on", "synchronous_commit", "on");

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server keeping its data in {@code dataDir}, durably: zonky always passes {@code -F}
   * (no fsync) and turns synchronous commit off, which the later {@code -c} settings undo. Only
   * {@link #close} stops it: zonky's own shutdown hook would stop it at once, in parallel with the
   * caller's, while Liberty still needs it to give back its outbox claims.
   */
  public static EmbeddedDatabase persistent(Path dataDir) {
    return start(
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false),
        DURABLE);
  }

  /** A server on a fixed port and data folder, so a test can stop it and start it again. */
  public static EmbeddedDatabase restartable(Path dataDir, int port) {
    return start(
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port),
        Map.of("fsync", "off", "synchronous_commit", "off"));
  }

  /** Starts a server on a fresh, throwaway data folder tuned for tests (no fsync). */
  public static EmbeddedDatabase throwaway() {
    return start(EmbeddedPostgres.builder().setCleanDataDirectory(true), THROWAWAY);
  }

  /**
   * A fresh, throwaway data folder, durable as {@link #persistent}: for the benchmarks of what an
   * operator runs.
   */
  public static EmbeddedDatabase throwawayDurable() {
    return start(EmbeddedPostgres.builder().setCleanDataDirectory(true), DURABLE);
  }

  /**
   * As {@link #throwaway}, stopped only by {@link #close}: for a caller that must stop a Liberty
   * server first (zonky's own hook would stop the database in parallel, and the server would fail
   * to give back its outbox claims).
   */
  public static EmbeddedDatabase throwawayClosedByCaller() {
    return start(
        EmbeddedPostgres.builder().setCleanDataDirectory(true).setRegisterShutdownHook(false),
        THROWAWAY);
  }

  private static EmbeddedDatabase start(
      EmbeddedPostgres.Builder builder, Map<String, String> settings) {
    builder.setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "300");
    settings.forEach(builder::setServerConfig);
    try {
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
