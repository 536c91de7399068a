package dev.picloud.platform.control;

import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps java.util.logging working while the JVM exits. JUL resets every logger from a shutdown hook
 * of its own, which runs beside the one in which Liberty stops the application on SIGTERM: what
 * PiCloud logged while stopping (the dispatcher giving its claims back, or failing to) was lost.
 * Liberty's log manager can be told not to reset; its handlers then stay until Liberty closes its
 * logs itself. It is reached by reflection: the application cannot see Liberty's kernel classes.
 */
public final class LogsThroughExit {
  private static final Logger LOG = Logger.getLogger(LogsThroughExit.class.getName());

  private LogsThroughExit() {}

  /** True when the log manager was told to keep its handlers; a warning says so when it cannot. */
  public static boolean keep() {
    LogManager manager = LogManager.getLogManager();
    try {
      manager.getClass().getMethod("disableReset").invoke(manager);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warning(
          () ->
              "Lines logged while the JVM exits on a signal may be lost: the log manager "
                  + manager.getClass().getName()
                  + " cannot be told to keep its handlers ("
                  + e
                  + ")");
      return false;
    }
  }
}
