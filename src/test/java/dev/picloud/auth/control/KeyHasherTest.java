package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyHasherTest {
  @ParameterizedTest(name = "{0} bytes -> {1} characters")
  @CsvSource({"16, 22", "32, 43", "48, 64"})
  void randomSecretIsUnpaddedUrlSafeBase64OfTheRequestedBytes(int bytes, int characters) {
    String secret = KeyHasher.randomSecret(bytes);

    assertThat(secret).hasSize(characters).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(bytes);
  }

  @Test
  void randomSecretsDiffer() {
    assertThat(KeyHasher.randomSecret(32)).isNotEqualTo(KeyHasher.randomSecret(32));
  }

  @ParameterizedTest(name = "sha256(\"{0}\")")
  @CsvSource({
    "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
  })
  void sha256HexMatchesKnownVectors(String input, String hex) {
    assertThat(KeyHasher.sha256Hex(input)).isEqualTo(hex);
  }

  @Test
  void sha256HexHashesTheUtf8BytesAsLowerCaseHex() throws Exception {
    String input = "clé-ünïcode-ключ";
    byte[] expected =
        MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));

    assertThat(KeyHasher.sha256Hex(input))
        .isEqualTo(HexFormat.of().formatHex(expected))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void sameDigestAcceptsEqualDigests() {
    String digest = KeyHasher.sha256Hex("pic_something");

    assertThat(KeyHasher.sameDigest(digest, new String(digest))).isTrue();
  }

  @Test
  void sameDigestRejectsADigestDifferingInTheLastCharacter() {
    String digest = KeyHasher.sha256Hex("pic_something");
    String last = digest.endsWith("0") ? "1" : "0";

    assertThat(KeyHasher.sameDigest(digest, digest.substring(0, 63) + last)).isFalse();
  }

  @Test
  void sameDigestRejectsATruncatedOrEmptyDigest() {
    String digest = KeyHasher.sha256Hex("pic_something");

    assertThat(KeyHasher.sameDigest(digest, digest.substring(0, 32))).isFalse();
    assertThat(KeyHasher.sameDigest(digest, "")).isFalse();
  }

  @Test
  void sameDigestRejectsTheDigestOfAnotherSecret() {
    assertThat(KeyHasher.sameDigest(KeyHasher.sha256Hex("a"), KeyHasher.sha256Hex("b"))).isFalse();
  }
}
