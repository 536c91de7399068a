package dev.picloud.auth.control;

/**
 * A login session token: {@code pis_} + 256 random bits. Stored only as its SHA-256, which is also
 * the lookup key (an index probe on a digest leaks nothing about the token).
 */
public record SessionToken(String token, String hash) {
  private static final int SECRET_BYTES = 32;

  public static SessionToken generate() {
    String token = "pis_" + KeyHasher.randomSecret(SECRET_BYTES);
    return new SessionToken(token, KeyHasher.sha256Hex(token));
  }
}
