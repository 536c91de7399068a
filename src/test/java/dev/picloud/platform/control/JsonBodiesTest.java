package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {
  private static final int CAP = 1024;

  @Nested
  class ReadCapped {
    @Test
    void bodyUpToTheCapIsReadWhole() throws Exception {
      byte[] body = "x".repeat(CAP).getBytes(StandardCharsets.US_ASCII);

      assertThat(JsonBodies.readCapped(new ByteArrayInputStream(body), CAP, CAP)).isEqualTo(body);
    }

    @Test
    void bodyOfUnknownLengthUpToTheCapIsReadWhole() throws Exception {
      byte[] body = "{\"a\":1}".getBytes(StandardCharsets.US_ASCII);

      assertThat(JsonBodies.readCapped(new ByteArrayInputStream(body), -1, CAP)).isEqualTo(body);
    }

    @Test
    void declaredLengthOverTheCapIsA413BeforeAnythingIsRead() {
      CountingStream in = new CountingStream(CAP + 1);

      assertTooLarge(() -> JsonBodies.readCapped(in, CAP + 1, CAP));
      assertThat(in.read.get()).isZero();
    }

    @Test
    void actualLengthOverTheCapIsA413WhenNoLengthIsDeclared() {
      assertTooLarge(() -> JsonBodies.readCapped(new CountingStream(CAP + 1), -1, CAP));
    }

    @Test
    void actualLengthOverTheCapIsA413WhenTheDeclaredLengthLies() {
      assertTooLarge(() -> JsonBodies.readCapped(new CountingStream(10 * CAP), 10, CAP));
    }

    @Test
    void readingStopsJustPastTheCapOnAnEndlessBody() {
      CountingStream endless = new CountingStream(Long.MAX_VALUE);

      assertTooLarge(() -> JsonBodies.readCapped(endless, -1, CAP));
      assertThat(endless.read.get()).isLessThanOrEqualTo(CAP + 1);
    }

    private void assertTooLarge(ThrowingCallable call) {
      assertProblem(call)
          .returns(413, Problem::status)
          .returns("payload_too_large", Problem::code)
          .extracting(Problem::detail)
          .asString()
          .contains(String.valueOf(CAP));
    }
  }

  @Nested
  class Utf8 {
    @Test
    void validUtf8IsDecoded() {
      byte[] bytes = "{\"name\":\"café ключ 🚀\"}".getBytes(StandardCharsets.UTF_8);

      assertThat(JsonBodies.utf8(bytes)).isEqualTo("{\"name\":\"café ключ 🚀\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "C3 28", // invalid continuation byte
          "C0 AF", // overlong encoding of '/'
          "ED A0 80", // UTF-16 surrogate encoded as UTF-8
          "E2 82", // truncated three-byte sequence at the end
          "FF", // never valid in UTF-8
          "E9" // ISO-8859-1 'é'
        })
    void invalidUtf8IsA400(String hex) {
      byte[] bytes = bytes(hex);

      assertProblem(() -> JsonBodies.utf8(bytes))
          .returns(400, Problem::status)
          .returns("invalid_utf8", Problem::code);
    }

    private static byte[] bytes(String hex) {
      String[] parts = hex.split(" ");
      byte[] bytes = new byte[parts.length + 2];
      bytes[0] = '"';
      for (int i = 0; i < parts.length; i++) {
        bytes[i + 1] = (byte) Integer.parseInt(parts[i], 16);
      }
      bytes[bytes.length - 1] = '"';
      return bytes;
    }
  }

  @Nested
  class Parse {
    @Test
    void objectIsParsed() {
      JsonValue value = JsonBodies.parse(" {\"a\": [1, 2], \"b\": {\"c\": null}} \n");

      assertThat(value).isInstanceOf(JsonObject.class);
      assertThat(value.asJsonObject().getJsonArray("a")).hasSize(2);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\n\t  \r\n"})
    void blankBodyIsMissing(String text) {
      assertProblem(() -> JsonBodies.parse(text))
          .returns(400, Problem::status)
          .returns("missing_body", Problem::code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{", "{\"a\":}", "{'a': 1}", "{a: 1}", "[1, 2,]", "nul", "{\"a\": 01}"})
    void malformedJsonIsA400(String text) {
      assertMalformed(text);
    }

    @Test
    void arraysNested10000DeepAreA400NotAStackOverflow() {
      assertMalformed("[".repeat(10_000) + "]".repeat(10_000));
    }

    @Test
    void objectsNested10000DeepAreA400NotAStackOverflow() {
      assertMalformed("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
    }

    private void assertMalformed(String text) {
      assertProblem(() -> JsonBodies.parse(text))
          .returns(400, Problem::status)
          .returns("malformed_json", Problem::code);
    }
  }

  private static AbstractObjectAssert<?, Problem> assertProblem(ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem());
  }

  /** Produces {@code length} bytes of 'x', counting how many were read. */
  private static final class CountingStream extends InputStream {
    final AtomicLong read = new AtomicLong();
    private final long length;

    CountingStream(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      if (read.get() >= length) {
        return -1;
      }
      read.incrementAndGet();
      return 'x';
    }
  }
}
