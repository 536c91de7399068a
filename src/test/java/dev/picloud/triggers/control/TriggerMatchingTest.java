package dev.picloud.triggers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerMatchingTest {
  private static final UUID TRIGGER = UUID.randomUUID();
  private static final UUID SCRIPT = UUID.randomUUID();

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "*,        orders,       true",
    "*,        '',           true",
    "orders,   orders,       true",
    "orders,   Orders,       false",
    "orders,   orders-2024,  false",
    "orders*,  orders,       true",
    "orders*,  orders-2024,  true",
    "orders*,  archive,      false",
    "ord*,     Orders,       false",
  })
  void collectionGlobsMatchExactlyPrefixOrEverything(
      String glob, String collection, boolean matches) {
    assertThat(new CollectionGlob(glob).matches(collection)).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*orders", "or*ders", "**"})
  void globsWithAStarAnywhereButTheEndAreRefused(String glob) {
    assertThatThrownBy(() -> new CollectionGlob(glob))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> assertThat(((ApiException) e).problem().field()).isEqualTo("collection_glob"));
  }

  @Test
  void emptyOpsMeanAnyOpAndListedOpsOnlyThose() {
    assertThat(DataOps.of(List.of()).matches("delete")).isTrue();
    assertThat(DataOps.of(null).matches("insert")).isTrue();
    DataOps writes = DataOps.of(List.of("insert", "update"));
    assertThat(writes.matches("update")).isTrue();
    assertThat(writes.matches("delete")).isFalse();
    assertThatThrownBy(() -> DataOps.of(List.of("upsert"))).isInstanceOf(ApiException.class);
  }

  @Test
  void aKvTriggerFiresOnMatchingCollectionAndOpWhileEnabled() {
    Trigger trigger = kv("orders*", List.of("insert"), true);
    assertThat(trigger.firesOn("orders-1", "insert")).isTrue();
    assertThat(trigger.firesOn("orders-1", "delete")).isFalse();
    assertThat(trigger.firesOn("users", "insert")).isFalse();
    assertThat(kv("orders*", List.of("insert"), false).firesOn("orders-1", "insert")).isFalse();
  }

  @Test
  void deadLetterFiltersAreEachOptional() {
    UUID otherTrigger = UUID.randomUUID();
    assertThat(deadLetter(null, null, null).firesOnDeadLetter("kv", otherTrigger, SCRIPT)).isTrue();
    assertThat(deadLetter("http", null, null).firesOnDeadLetter("kv", otherTrigger, SCRIPT))
        .isFalse();
    assertThat(deadLetter("kv", TRIGGER, null).firesOnDeadLetter("kv", otherTrigger, SCRIPT))
        .isFalse();
    assertThat(deadLetter("kv", TRIGGER, SCRIPT).firesOnDeadLetter("kv", TRIGGER, SCRIPT)).isTrue();
    assertThat(deadLetter(null, null, UUID.randomUUID()).firesOnDeadLetter("kv", TRIGGER, SCRIPT))
        .isFalse();
  }

  private static Trigger kv(String glob, List<String> ops, boolean enabled) {
    return new Trigger(
        TRIGGER,
        UUID.randomUUID(),
        SCRIPT,
        TriggerKind.KV,
        enabled,
        3,
        "exponential",
        1000,
        UUID.randomUUID(),
        new CollectionGlob(glob),
        DataOps.of(ops),
        null,
        null,
        null,
        null,
        null);
  }

  private static Trigger deadLetter(String source, UUID triggerFilter, UUID scriptFilter) {
    return new Trigger(
        UUID.randomUUID(),
        UUID.randomUUID(),
        SCRIPT,
        TriggerKind.DEAD_LETTER,
        true,
        3,
        "exponential",
        1000,
        UUID.randomUUID(),
        null,
        null,
        source,
        triggerFilter,
        scriptFilter,
        null,
        null);
  }
}
