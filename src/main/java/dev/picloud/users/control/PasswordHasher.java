package dev.picloud.users.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's 2023 figure), a 16-byte salt and a 32-byte
 * hash, encoded as {@code pbkdf2-sha256$iterations$salt$hash}. Stored iterations are honoured, so
 * the figure can rise without invalidating old hashes.
 */
public final class PasswordHasher {
  public static final int ITERATIONS = 600_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String SCHEME = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** Verified against when the user does not exist, so both paths cost the same time. */
  private static final String DECOY = hash("decoy-password-never-used");

  private PasswordHasher() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] derived = derive(password, salt, ITERATIONS);
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(derived);
  }

  /** False for a wrong password and for a stored value that is not one of our encodings. */
  public static boolean verify(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = B64D.decode(parts[2]);
      byte[] expected = B64D.decode(parts[3]);
      if (iterations < 1 || salt.length == 0 || expected.length == 0) {
        return false;
      }
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** Burns the time of one verification; call it when there is no user to verify against. */
  public static void verifyDecoy(String password) {
    verify(password, DECOY);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is unavailable in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
