package dev.picloud.runtime.control;

import java.util.Locale;

/** Why a script runs ({@code ctx.invocation}). */
public enum Invocation {
  HTTP,
  TRIGGER,
  DIRECT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
