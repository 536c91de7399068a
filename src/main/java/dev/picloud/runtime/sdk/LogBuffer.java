package dev.picloud.runtime.sdk;

import dev.picloud.runtime.control.LogLevel;
import dev.picloud.runtime.control.LogLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's log lines, capped at the run's log limit (UTF-8 bytes of the messages). The line that
 * crosses the cap is cut, a marker line says the log was truncated, later lines are dropped and the
 * run goes on. Synchronized because the watchdog reads the lines of a run that would not stop.
 */
public final class LogBuffer {
  private final int capacity;
  private final Clock clock;
  private final List<LogLine> lines = new ArrayList<>();
  private int used;
  private boolean truncated;

  public LogBuffer(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  /** False once the cap is reached: callers can skip formatting what would be dropped. */
  public synchronized boolean accepting() {
    return !truncated;
  }

  public synchronized void add(LogLevel level, String message) {
    if (truncated) {
      return;
    }
    int bytes = utf8Length(message);
    if (used + bytes <= capacity) {
      used += bytes;
      lines.add(new LogLine(level, clock.instant(), message));
      return;
    }
    String head = prefixWithin(message, capacity - used);
    if (!head.isEmpty()) {
      lines.add(new LogLine(level, clock.instant(), head));
    }
    used = capacity;
    truncated = true;
    lines.add(
        new LogLine(
            LogLevel.WARN,
            clock.instant(),
            "[log truncated: this run's log output exceeded " + capacity + " bytes]"));
  }

  public synchronized List<LogLine> lines() {
    return List.copyOf(lines);
  }

  public synchronized boolean truncated() {
    return truncated;
  }

  /** The longest prefix of {@code s} whose UTF-8 form fits in {@code bytes}, never half a pair. */
  private static String prefixWithin(String s, int bytes) {
    int end = 0;
    int size = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      if (size + utf8Bytes(cp) > bytes) {
        break;
      }
      size += utf8Bytes(cp);
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      bytes += utf8Bytes(cp);
      i += Character.charCount(cp);
    }
    return bytes;
  }

  private static int utf8Bytes(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
