package dev.picloud.runtime.sdk;

import static dev.picloud.runtime.Runs.error;
import static dev.picloud.runtime.Runs.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** base64, hex and url. */
class EncodingModulesTest {
  @Test
  void base64RoundTripsUtf8Text() {
    assertThat(value("[base64.encode('héllo ✓'), base64.decode(base64.encode('héllo ✓'))]"))
        .isEqualTo("[\"aMOpbGxvIOKckw==\",\"héllo ✓\"]");
    assertThat(value("base64.encode('')")).isEqualTo("\"\"");
  }

  @Test
  void base64UrlIsUnpaddedAndUrlSafe() {
    assertThat(
            value(
                "[base64.encodeUrl('??>'), base64.decodeUrl('Pz8-'), base64.decodeUrl('YQ=='), base64.decodeUrl('YQ')]"))
        .isEqualTo("[\"Pz8-\",\"??>\",\"a\",\"a\"]");
  }

  @Test
  void base64RejectsInvalidInputAndBytesThatAreNotText() {
    assertThat(error("base64.decode('***');")).startsWith("Error: base64: invalid base64 input");
    assertThat(error("base64.decode('/w==');"))
        .startsWith("Error: base64: the decoded bytes are not valid UTF-8");
    assertThat(error("base64.encode(42);")).startsWith("Error: base64: text must be a string");
  }

  @Test
  void hexEncodesLowerCaseAndDecodesEitherCase() {
    assertThat(value("[hex.encode('Hi✓'), hex.decode('4869E29C93'), hex.decode('4869e29c93')]"))
        .isEqualTo("[\"4869e29c93\",\"Hi✓\",\"Hi✓\"]");
  }

  @Test
  void hexRejectsOddLengthsAndOtherCharacters() {
    assertThat(error("hex.decode('abc');")).startsWith("Error: hex: invalid hex input");
    assertThat(error("hex.decode('zz');")).startsWith("Error: hex: invalid hex input");
    assertThat(error("hex.decode('ff');"))
        .startsWith("Error: hex: the decoded bytes are not valid UTF-8");
  }

  @Test
  void urlEncodeLeavesOnlyUnreservedCharacters() {
    assertThat(value("url.encode('a-Z_0.9~ /?&=+é')"))
        .isEqualTo("\"a-Z_0.9~%20%2F%3F%26%3D%2B%C3%A9\"");
  }

  @Test
  void urlDecodeUndoesPercentEscapesOnly() {
    assertThat(value("[url.decode('a%20b%2Bc+d'), url.decode('%C3%A9')]"))
        .isEqualTo("[\"a b+c+d\",\"é\"]");
    assertThat(error("url.decode('%zz');"))
        .startsWith("Error: url: invalid percent escape at index 0");
    assertThat(error("url.decode('%4');")).startsWith("Error: url: invalid percent escape");
    assertThat(error("url.decode('%FF');"))
        .startsWith("Error: url: the decoded bytes are not valid UTF-8");
  }

  @Test
  void encodeQuerySortsKeysRepeatsArraysAndSkipsNulls() {
    assertThat(value("url.encodeQuery({b: 'x y', a: [1, true], c: null, d: undefined, 'é': 'ü'})"))
        .isEqualTo("\"a=1&a=true&b=x%20y&%C3%A9=%C3%BC\"");
    assertThat(value("url.encodeQuery({})")).isEqualTo("\"\"");
    assertThat(value("url.encodeQuery({n: 1.5, m: 1e21})")).isEqualTo("\"m=1e%2B21&n=1.5\"");
  }

  @Test
  void encodeQueryRejectsNestedValuesAndNonObjects() {
    assertThat(error("url.encodeQuery({a: {b: 1}});"))
        .startsWith("Error: url: query value of \"a\" must be");
    assertThat(error("url.encodeQuery('a=1');"))
        .startsWith("Error: url: the query must be an object");
    assertThat(error("url.encodeQuery([1]);"))
        .startsWith("Error: url: the query must be an object");
  }
}
