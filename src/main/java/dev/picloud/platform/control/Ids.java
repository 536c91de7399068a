package dev.picloud.platform.control;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Canonical UUID text (36 characters, hex and hyphens), and the time-ordered ids of high-volume
 * rows. {@code UUID.fromString} alone is lenient (it accepts {@code 1-1-1-1-1}), and paths that
 * take "an id or a name" must not confuse the two.
 */
public final class Ids {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The version nibble, in the low 16 bits of a UUID's most significant half. */
  private static final long VERSION_7 = 0x7000L;

  /** The 12 random bits beside the version nibble. */
  private static final long RANDOM_A = 0x0FFFL;

  private Ids() {}

  public static boolean isUuid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }

  /** A version 7 UUID of the current millisecond, as {@link #timeOrdered(long)} makes them. */
  public static UUID timeOrdered() {
    return timeOrdered(System.currentTimeMillis());
  }

  /**
   * A version 7 UUID (RFC 9562): the Unix time in milliseconds in its first 48 bits, then 74 bits
   * of a random (version 4) UUID, so it stays as hard to guess as 2^74. Execution ids and the ids
   * of execution logs are made this way: each of the logs' B-tree indexes on them then grows at one
   * end, where a random id lands on a random leaf page of an index that outgrows memory over the
   * logs' retention (measured in bench/log-inserts.sh). Outbox rows, which live milliseconds, keep
   * random ids (docs/data-plane.md).
   */
  static UUID timeOrdered(long epochMillis) {
    UUID random = UUID.randomUUID();
    long mostSignificant =
        epochMillis << 16 | VERSION_7 | random.getMostSignificantBits() & RANDOM_A;
    return new UUID(mostSignificant, random.getLeastSignificantBits());
  }
}
