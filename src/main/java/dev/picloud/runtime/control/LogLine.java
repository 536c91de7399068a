package dev.picloud.runtime.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One line a script logged, with the time it was logged (UTC, millisecond precision). */
public record LogLine(LogLevel level, Instant time, String message) {
  public LogLine {
    Objects.requireNonNull(level);
    Objects.requireNonNull(message);
    time = time.truncatedTo(ChronoUnit.MILLIS);
  }

  /** ISO-8601 UTC, e.g. {@code 2026-11-23T13:58:00.123Z}. */
  public String isoTime() {
    return time.toString();
  }
}
