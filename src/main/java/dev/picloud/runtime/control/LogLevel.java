package dev.picloud.runtime.control;

import java.util.Locale;

/** The level of a captured script log line. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /** Lower-case name, as written to execution logs. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
