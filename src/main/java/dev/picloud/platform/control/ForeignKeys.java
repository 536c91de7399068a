package dev.picloud.platform.control;

import java.sql.SQLException;

/** Recognises PostgreSQL's foreign-key violation (SQLSTATE 23503) anywhere in a cause chain. */
public final class ForeignKeys {
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private ForeignKeys() {}

  public static boolean violated(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
