package dev.picloud.outbox.control;

import java.util.Locale;

/** What wrote an outbox row; stored as {@code outbox.source_kind}. */
public enum SourceKind {
  HTTP,
  KV,
  DOCS,
  DEAD_LETTER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceKind fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
