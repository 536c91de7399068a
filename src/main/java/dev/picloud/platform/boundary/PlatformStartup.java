package dev.picloud.platform.boundary;

import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.platform.control.LogsThroughExit;
import dev.picloud.platform.control.Migrations;
import dev.picloud.platform.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up order: validate the settings (an unusable value stops the application), apply the
 * migrations, then announce {@link DatabaseReady}. An unreachable database is one clear log line
 * per minute and a not-ready health status while it retries every few seconds.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {
  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());
  private static final long RETRY_MS = 5_000;
  private static final int ATTEMPTS_PER_LOG_LINE = 12;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  @Resource TimerService timers;
  @Inject Settings settings;
  @Inject DatabaseState state;
  @Inject Event<DatabaseReady> ready;

  private int failedAttempts;

  @PostConstruct
  void start() {
    LOG.info(() -> "PiCloud node " + settings.nodeId() + " starting");
    LogsThroughExit.keep();
    migrate();
  }

  @Timeout
  void retry() {
    migrate();
  }

  private void migrate() {
    int version;
    try {
      version = Migrations.apply(dataSource);
    } catch (Exception e) {
      reportUnreachable(e);
      timers.createSingleActionTimer(RETRY_MS, new TimerConfig(null, false));
      return;
    }
    state.migrated(version);
    LOG.info(() -> "Database schema at version " + version);
    ready.fire(new DatabaseReady(version));
  }

  private void reportUnreachable(Exception e) {
    if (failedAttempts++ % ATTEMPTS_PER_LOG_LINE == 0) {
      LOG.log(
          Level.SEVERE,
          "PiCloud cannot prepare its database ({0}); retrying every {1} s, "
              + "/health/ready reports DOWN until it succeeds",
          new Object[] {rootCause(e), RETRY_MS / 1000});
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
