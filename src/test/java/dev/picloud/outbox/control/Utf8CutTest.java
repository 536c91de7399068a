package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8CutTest {
  @ParameterizedTest(name = "\"{0}\" in {1} bytes -> \"{2}\"")
  @CsvSource({
    "abcdef, 6, abcdef",
    "abcdef, 4, abcd",
    "aé, 3, aé",
    "aé, 2, a",
    "a€b, 3, a",
    "a€b, 4, a€",
    "😀😀, 7, 😀",
    "😀😀, 8, 😀😀",
    "😀, 3, ''",
    "'', 0, ''",
  })
  void cutsAtTheLastWholeCharacterThatFits(String text, int maxBytes, String expected) {
    assertThat(Utf8Cut.prefix(text, maxBytes)).isEqualTo(expected);
  }

  @Test
  void aCutNeverExceedsTheBudgetNorSplitsASurrogatePair() {
    String text = "ab€😀é".repeat(50);
    for (int max = 0; max <= 200; max++) {
      String cut = Utf8Cut.prefix(text, max);
      assertThat(bytes(cut)).isLessThanOrEqualTo(max);
      assertThat(text).startsWith(cut);
      String oneMore = cut + Character.toString(text.codePointAt(cut.length()));
      assertThat(bytes(oneMore)).as("the cut is the longest that fits").isGreaterThan(max);
    }
  }

  @Test
  void nullStaysNull() {
    assertThat(Utf8Cut.prefix(null, 10)).isNull();
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
