package dev.picloud.auth.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their SHA-256 digests. Only digests are stored; a presented secret is hashed
 * and compared in constant time, so a database leak or a timing probe reveals nothing usable.
 */
public final class KeyHasher {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private KeyHasher() {}

  /** {@code bytes} of CSPRNG output, URL-safe base64 without padding. */
  public static String randomSecret(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return URL_SAFE.encodeToString(raw);
  }

  public static String sha256Hex(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  /** Constant-time comparison of two hex digests. */
  public static boolean sameDigest(String expectedHex, String actualHex) {
    return MessageDigest.isEqual(
        expectedHex.getBytes(StandardCharsets.US_ASCII),
        actualHex.getBytes(StandardCharsets.US_ASCII));
  }
}
