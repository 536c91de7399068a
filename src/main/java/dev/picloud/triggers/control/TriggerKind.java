package dev.picloud.triggers.control;

import dev.picloud.platform.control.ApiException;
import java.util.Locale;

/** What a trigger listens to. */
public enum TriggerKind {
  KV,
  DOCS,
  DEAD_LETTER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TriggerKind fromWire(String value) {
    for (TriggerKind kind : values()) {
      if (kind.wire().equals(value)) {
        return kind;
      }
    }
    throw ApiException.notFound("Trigger kind '" + value + "'");
  }
}
