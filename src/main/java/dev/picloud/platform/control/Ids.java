package dev.picloud.platform.control;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Canonical UUID text (36 characters, hex and hyphens). {@code UUID.fromString} alone is lenient
 * (it accepts {@code 1-1-1-1-1}), and paths that take "an id or a name" must not confuse the two.
 * And time-ordered ids for the keys of busy tables.
 */
public final class Ids {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  public static boolean isUuid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }

  /**
   * A version 7 UUID (RFC 9562): the Unix time in milliseconds, then 74 random bits. Keys made of
   * them are appended at the right edge of their B-tree, whose pages fill in order; random keys
   * split pages anywhere, leave them partly empty and make every insert into a large index touch a
   * random page.
   */
  public static UUID timeOrdered() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millisVersionAndRandom =
        System.currentTimeMillis() << 16 | 0x7000L | random.nextLong() & 0x0FFFL;
    long variantAndRandom = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(millisVersionAndRandom, variantAndRandom);
  }
}
