package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;

/** Outside Liberty the JDK's own log manager cannot be told to keep its handlers: it says so. */
class LogsThroughExitTest {
  @Test
  void theJdksLogManagerCannotBeToldToKeepItsHandlers() {
    assertThat(LogManager.getLogManager().getClass()).isEqualTo(LogManager.class);
    assertThat(LogsThroughExit.keep()).isFalse();
  }
}
