package dev.picloud.users.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PBKDF2 at 600,000 iterations costs about half a second per hash, so the class hashes the real
 * thing only a handful of times and checks the algorithm itself against cheap, low-iteration
 * encodings built here.
 */
class PasswordHasherTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern ENCODING =
      Pattern.compile("pbkdf2-sha256\\$(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  private static String encoded;

  @BeforeAll
  static void hashOnce() {
    encoded = PasswordHasher.hash(PASSWORD);
  }

  @Test
  void hashedPasswordVerifies() {
    assertThat(PasswordHasher.verify(PASSWORD, encoded)).isTrue();
  }

  @Test
  void passwordDifferingInOneCharacterDoesNotVerify() {
    assertThat(PasswordHasher.verify("correct horse battery staplE", encoded)).isFalse();
  }

  @Test
  void encodingNamesTheSchemeAtLeast600000IterationsA16ByteSaltAndA32ByteHash() {
    Matcher parts = ENCODING.matcher(encoded);

    assertThat(parts.matches()).as(encoded).isTrue();
    assertThat(Integer.parseInt(parts.group(1))).isGreaterThanOrEqualTo(600_000);
    assertThat(Base64.getDecoder().decode(parts.group(2))).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts.group(3))).hasSize(32);
  }

  @Test
  void encodingDoesNotContainThePassword() {
    assertThat(encoded).doesNotContain(PASSWORD).doesNotContain("horse");
  }

  @Test
  void samePasswordHashedTwiceGetsADifferentSaltAndHash() {
    String again = PasswordHasher.hash(PASSWORD);
    Matcher first = ENCODING.matcher(encoded);
    Matcher second = ENCODING.matcher(again);

    assertThat(first.matches() && second.matches()).isTrue();
    assertThat(second.group(2)).isNotEqualTo(first.group(2));
    assertThat(second.group(3)).isNotEqualTo(first.group(3));
  }

  @Test
  void verifyHonoursTheIterationsStoredInTheEncoding() throws Exception {
    String lowCost = encode("s3cret-passw0rd", "0123456789abcdef", 1_000);

    assertThat(PasswordHasher.verify("s3cret-passw0rd", lowCost)).isTrue();
    assertThat(PasswordHasher.verify("s3cret-passw0rd!", lowCost)).isFalse();
  }

  @Test
  void verifyRejectsATamperedHashOrSalt() throws Exception {
    String lowCost = encode("s3cret-passw0rd", "0123456789abcdef", 1_000);
    String[] parts = lowCost.split("\\$");
    String otherSalt =
        Base64.getEncoder()
            .withoutPadding()
            .encodeToString("fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    String otherHash =
        parts[3].startsWith("A") ? "B" + parts[3].substring(1) : "A" + parts[3].substring(1);

    assertThat(
            PasswordHasher.verify(
                "s3cret-passw0rd", String.join("$", parts[0], parts[1], otherSalt, parts[3])))
        .isFalse();
    assertThat(
            PasswordHasher.verify(
                "s3cret-passw0rd", String.join("$", parts[0], parts[1], parts[2], otherHash)))
        .isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "plain-text-password",
        "pbkdf2-sha256",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$AAAA$extra",
        "pbkdf2-sha1$1000$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "PBKDF2-SHA256$1000$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
      })
  void encodingsOfAnotherShapeDoNotVerify(String malformed) {
    assertThat(PasswordHasher.verify(PASSWORD, malformed)).isFalse();
  }

  @Test
  void decoyVerificationCompletesWithoutAUser() {
    assertThatCode(() -> PasswordHasher.verifyDecoy("")).doesNotThrowAnyException();
  }

  /** PBKDF2-HMAC-SHA256 computed here, independently of the class under test. */
  private static String encode(String password, String salt, int iterations) throws Exception {
    byte[] saltBytes = salt.getBytes(StandardCharsets.US_ASCII);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), saltBytes, iterations, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + b64.encodeToString(saltBytes)
        + "$"
        + b64.encodeToString(hash);
  }
}
