package dev.picloud.deadletters.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a dead letter was dealt with ({@code dead_letters.resolution}). Each value has one writer:
 * REPLAYED is set by a replay, HANDLER_FAILED by the platform when a dead-letter handler fails (the
 * row stays unresolved, {@code resolved_at} NULL), and IGNORED and HANDLED_BY_SCRIPT by an admin or
 * a script resolving the row by hand.
 */
public enum Resolution {
  REPLAYED,
  IGNORED,
  HANDLED_BY_SCRIPT,
  HANDLER_FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** May an API caller or a script resolve a row with this reason? */
  public boolean settableByCaller() {
    return this == IGNORED || this == HANDLED_BY_SCRIPT;
  }

  public static Optional<Resolution> fromWire(String value) {
    for (Resolution resolution : values()) {
      if (resolution.wire().equals(value)) {
        return Optional.of(resolution);
      }
    }
    return Optional.empty();
  }
}
