package dev.picloud.auth.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SessionTokenTest {
  @Test
  void tokenIsItsMarkerAnd256RandomBits() {
    String token = SessionToken.generate().token();

    assertThat(token).matches("pis_[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
  }

  @Test
  void storedHashIsTheSha256HexOfTheWholeToken() throws Exception {
    SessionToken session = SessionToken.generate();
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(session.token().getBytes(StandardCharsets.US_ASCII));

    assertThat(session.hash()).isEqualTo(HexFormat.of().formatHex(digest));
  }

  @Test
  void tokensDiffer() {
    assertThat(SessionToken.generate().token()).isNotEqualTo(SessionToken.generate().token());
  }

  @Test
  void sessionTokenIsNeverMistakenForAnApiKey() {
    String token = SessionToken.generate().token();

    assertThat(token).doesNotStartWith(ApiKeySecret.MARKER);
    assertThat(ApiKeySecret.prefixOf(token)).isEmpty();
  }
}
