package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KvCursorTest {
  @Test
  void aCursorPointsAfterTheKeyItWasMadeFrom() {
    String key = "a/b ü 😀 " + "x".repeat(490);

    assertThat(KvCursor.lastKey(KvCursor.after(key))).isEqualTo(key);
    assertThat(KvCursor.after(key)).matches("[A-Za-z0-9_-]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "a2V5", "azE6", "azE6AA"})
  void cursorsThisStoreDidNotMakeAreRefused(String cursor) {
    assertThatThrownBy(() -> KvCursor.lastKey(cursor))
        .isInstanceOf(KvException.class)
        .hasMessageStartingWith("invalid_cursor");
  }

  @Test
  void aCursorWithInvalidUtf8IsRefused() {
    byte[] bytes = {'k', '1', ':', (byte) 0xC3};
    String cursor = Base64.getUrlEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> KvCursor.lastKey(cursor)).isInstanceOf(KvException.class);
  }
}
