package dev.picloud.auth.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key: {@code pic_} + 43 URL-safe characters (256 random bits). Its first 12 characters are
 * the stored, public lookup prefix; only the SHA-256 of the whole key is stored.
 */
public record ApiKeySecret(String key, String prefix, String hash) {
  public static final String MARKER = "pic_";
  private static final int SECRET_BYTES = 32;
  private static final int PREFIX_LENGTH = 12;
  private static final Pattern FORMAT = Pattern.compile("pic_[A-Za-z0-9_-]{43}");

  public static ApiKeySecret generate() {
    String key = MARKER + KeyHasher.randomSecret(SECRET_BYTES);
    return new ApiKeySecret(key, key.substring(0, PREFIX_LENGTH), KeyHasher.sha256Hex(key));
  }

  /** The lookup prefix of a presented key, or empty when it is not shaped like a key at all. */
  public static Optional<String> prefixOf(String presented) {
    return FORMAT.matcher(presented).matches()
        ? Optional.of(presented.substring(0, PREFIX_LENGTH))
        : Optional.empty();
  }
}
