package dev.picloud.runtime.sdk;

import static dev.picloud.runtime.Runs.error;
import static dev.picloud.runtime.Runs.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomModuleTest {
  @Test
  void intStaysWithinBothBounds() {
    String seen =
        value(
            "(function () { var s = {}; for (var i = 0; i < 500; i++) { s[random.int(1, 3)] = true; } return Object.keys(s).sort(); })()");

    assertThat(seen).isEqualTo("[\"1\",\"2\",\"3\"]");
    assertThat(value("random.int(5, 5)")).isEqualTo("5");
    assertThat(value("random.int(-9007199254740991, 9007199254740991) % 1")).isIn("0", "-0");
  }

  @Test
  void intRejectsBadBounds() {
    assertThat(error("random.int(3, 1);"))
        .startsWith("Error: random: min must not be greater than max");
    assertThat(error("random.int(1.5, 2);"))
        .startsWith("Error: random: min must be a whole number");
    assertThat(error("random.int(0, 2e16);"))
        .startsWith("Error: random: max must be a whole number");
    assertThat(error("random.int('1', 2);")).startsWith("Error: random: min must be a number");
  }

  @Test
  void floatIsBetweenZeroAndOne() {
    assertThat(
            value(
                "(function () { for (var i = 0; i < 1000; i++) { var f = random.float(); if (f < 0 || f >= 1) { return false; } } return true; })()"))
        .isEqualTo("true");
  }

  @Test
  void bytesAreBase64OfTheRequestedLength() {
    String encoded = value("random.bytes(48)").replace("\"", "");

    assertThat(Base64.getDecoder().decode(encoded)).hasSize(48);
    assertThat(value("random.bytes(0)")).isEqualTo("\"\"");
    assertThat(value("random.bytes(65536).length")).isEqualTo("87384");
    assertThat(error("random.bytes(65537);"))
        .startsWith("Error: random: n must be between 0 and 65536");
    assertThat(error("random.bytes(-1);")).startsWith("Error: random: n must be between");
  }

  @Test
  void stringUsesTheAlphabetAndTheLength() {
    assertThat(value("/^[A-Za-z0-9]{32}$/.test(random.string(32))")).isEqualTo("true");
    assertThat(value("/^[ab]{50}$/.test(random.string(50, 'ab'))")).isEqualTo("true");
    assertThat(value("random.string(3, '😀')")).isEqualTo("\"😀😀😀\"");
    assertThat(value("random.string(4096).length")).isEqualTo("4096");
    assertThat(error("random.string(4097);"))
        .startsWith("Error: random: n must be between 0 and 4096");
    assertThat(error("random.string(3, '');")).startsWith("Error: random: alphabet must have");
  }

  @Test
  void uuidsAreVersionFourAndDistinct() {
    String uuids = value("[random.uuid(), random.uuid(), random.uuid()]");
    Set<String> distinct = new HashSet<>(Set.of(uuids.replaceAll("[\\[\\]\"]", "").split(",")));

    assertThat(distinct).hasSize(3);
    assertThat(distinct)
        .allMatch(
            u -> u.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }
}
