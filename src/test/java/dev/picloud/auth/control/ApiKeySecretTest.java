package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeySecretTest {
  /** A well-formed key: the marker and 43 URL-safe characters, using both '-' and '_'. */
  private static final String VALID = "pic_" + "Ab3-_xYz0123456789abcdefghijklmnopqrstuvwxy";

  @Test
  void generatedKeyIsTheMarkerAnd43UrlSafeCharacters() {
    String key = ApiKeySecret.generate().key();

    assertThat(key).startsWith("pic_").hasSize(47).matches("pic_[A-Za-z0-9_-]{43}");
  }

  @Test
  void generatedSecretCarriesAtLeast256Bits() {
    String secret = ApiKeySecret.generate().key().substring(4);

    assertThat(Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void prefixIsTheFirstTwelveCharactersOfTheKey() {
    ApiKeySecret secret = ApiKeySecret.generate();

    assertThat(secret.prefix()).hasSize(12).isEqualTo(secret.key().substring(0, 12));
  }

  @Test
  void storedHashIsTheSha256HexOfTheWholeKey() throws Exception {
    ApiKeySecret secret = ApiKeySecret.generate();
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(secret.key().getBytes(StandardCharsets.US_ASCII));

    assertThat(secret.hash()).isEqualTo(HexFormat.of().formatHex(digest));
  }

  @Test
  void storedHashDoesNotContainTheKey() {
    ApiKeySecret secret = ApiKeySecret.generate();

    assertThat(secret.hash()).doesNotContain(secret.key().substring(4));
  }

  @Test
  void everyGeneratedKeyAndPrefixIsDifferent() {
    Set<String> keys = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      ApiKeySecret secret = ApiKeySecret.generate();
      keys.add(secret.key());
      prefixes.add(secret.prefix());
    }

    // The prefix holds 48 random bits, so even prefixes of 1,000 keys collide with odds ~1e-9.
    assertThat(keys).hasSize(1_000);
    assertThat(prefixes).hasSize(1_000);
  }

  @Test
  void prefixOfAGeneratedKeyIsItsStoredPrefix() {
    ApiKeySecret secret = ApiKeySecret.generate();

    assertThat(ApiKeySecret.prefixOf(secret.key())).contains(secret.prefix());
  }

  @Test
  void prefixOfAWellFormedKeyIsItsFirstTwelveCharacters() {
    assertThat(ApiKeySecret.prefixOf(VALID)).contains("pic_Ab3-_xYz");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void prefixOfRejectsAnythingNotShapedLikeAKey(String description, String presented) {
    assertThat(ApiKeySecret.prefixOf(presented)).isEmpty();
  }

  static Stream<Arguments> prefixOfRejectsAnythingNotShapedLikeAKey() {
    String body = VALID.substring(4);
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("marker only", "pic_"),
        Arguments.of("session token marker", "pis_" + body),
        Arguments.of("upper-case marker", "PIC_" + body),
        Arguments.of("marker without underscore", "pic" + body + "x"),
        Arguments.of("no marker", body),
        Arguments.of("one character short", VALID.substring(0, 46)),
        Arguments.of("one character long", VALID + "a"),
        Arguments.of("standard base64 '+'", "pic_+" + body.substring(1)),
        Arguments.of("standard base64 '/'", "pic_/" + body.substring(1)),
        Arguments.of("padding", "pic_" + body.substring(1) + "="),
        Arguments.of("dot", "pic_." + body.substring(1)),
        Arguments.of("non-ASCII letter", "pic_é" + body.substring(1)),
        Arguments.of("leading space", " " + VALID),
        Arguments.of("trailing space", VALID + " "),
        Arguments.of("trailing newline", VALID + "\n"),
        Arguments.of("inner space", "pic_ " + body.substring(1)),
        Arguments.of("tab instead of a character", "pic_\t" + body.substring(1)));
  }
}
