package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KvRulesTest {
  @Test
  void namesOrderByCodePointLikeUtf8Bytes() {
    List<String> names = new ArrayList<>(List.of("😀", "\uFFFD", "b", "a", "ab", "B", "é"));

    names.sort(KvRules.NAME_ORDER);

    assertThat(names).containsExactly("B", "a", "ab", "b", "é", "\uFFFD", "😀");
    assertThat(names).isSortedAccordingTo(KvRulesTest::compareUtf8);
  }

  @Test
  void utf8LengthCountsBytesAndRefusesLoneSurrogates() {
    assertThat(KvRules.utf8Length("aé✓😀")).isEqualTo(1 + 2 + 3 + 4);
    assertThat(KvRules.utf8Length("\uD83D")).isEqualTo(-1);
    assertThat(KvRules.utf8Length("\uDE00x")).isEqualTo(-1);
  }

  @Test
  void keysAreNonEmptyWellFormedAndAtMost512Bytes() {
    KvRules.checkKey("é".repeat(256));

    assertThatThrownBy(() -> KvRules.checkKey("é".repeat(256) + "x"))
        .isInstanceOf(KvException.class)
        .extracting(e -> ((KvException) e).code())
        .isEqualTo("key_too_large");
    assertThat(code(() -> KvRules.checkKey(""))).isEqualTo("invalid_key");
    assertThat(code(() -> KvRules.checkKey("a\0b"))).isEqualTo("invalid_key");
    assertThat(code(() -> KvRules.checkCollection("\uD800"))).isEqualTo("invalid_collection");
  }

  @Test
  void valuesAreMeasuredAsCompactJson() {
    JsonValue fits = Json.createValue("x".repeat(KvRules.MAX_VALUE_BYTES - 2));

    assertThat(KvRules.valueText(fits)).hasSize(KvRules.MAX_VALUE_BYTES);
    assertThat(code(() -> KvRules.valueText(Json.createValue("x".repeat(KvRules.MAX_VALUE_BYTES)))))
        .isEqualTo("value_too_large");
  }

  @Test
  void valuesHoldNoNulNoLoneSurrogateAndNoHugeNumbers() {
    JsonValue nulInKey = Json.createObjectBuilder().add("a\0", 1).build();
    JsonValue surrogate = Json.createArrayBuilder().add("\uDC00").build();
    JsonValue huge = Json.createValue(new BigDecimal("1e5000"));

    assertThat(code(() -> KvRules.valueText(nulInKey))).isEqualTo("invalid_value");
    assertThat(code(() -> KvRules.valueText(surrogate))).isEqualTo("invalid_value");
    assertThat(code(() -> KvRules.valueText(huge))).isEqualTo("invalid_value");
    assertThat(KvRules.valueText(Json.createValue(new BigDecimal("1e300")))).isEqualTo("1E+300");
  }

  @Test
  void pagesDefaultToOneHundredAndAllowOneToOneThousand() {
    assertThat(KvRules.pageSize(null)).isEqualTo(100);
    assertThat(KvRules.pageSize(1_000)).isEqualTo(1_000);
    assertThat(code(() -> KvRules.pageSize(0))).isEqualTo("invalid_limit");
    assertThat(code(() -> KvRules.pageSize(1_001))).isEqualTo("invalid_limit");
  }

  private static String code(Runnable call) {
    try {
      call.run();
    } catch (KvException e) {
      return e.code();
    }
    throw new AssertionError("no KvException");
  }

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
