package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code list}: ascending code point order, opaque cursors, the run's pending writes merged in. */
class KvListIT {
  private final KvDb kv = new KvDb();
  private final UUID app = kv.newApp();

  @Test
  void keysComeInCodePointOrderWhateverTheDatabaseCollation() {
    // UTF-16 order would put U+FFFD after U+1F600; code point (and "C" byte) order puts it first.
    kv.put(app, "c", "b", "1", "B", "1", "a", "1", "é", "1", "😀", "1", "\uFFFD", "1", "a b", "1");

    assertThat(list(kv.session(app), "c", null, null).keys())
        .containsExactly("B", "a", "a b", "b", "é", "\uFFFD", "😀");
  }

  @Test
  void theDefaultPageIsOneHundredAndCursorsWalkEveryKeyOnce() {
    kv.put(app, "c", keysAndValues(250));
    KvSession run = kv.session(app);

    KvPage first = list(run, "c", null, null);
    KvPage second = list(run, "c", first.nextCursor(), null);
    KvPage third = list(run, "c", second.nextCursor(), null);

    assertThat(first.keys()).hasSize(100).startsWith("k0000").endsWith("k0099");
    assertThat(second.keys()).hasSize(100).startsWith("k0100");
    assertThat(third.keys()).hasSize(50).endsWith("k0249");
    assertThat(third.nextCursor()).isNull();
  }

  @Test
  void aPageIsAtMostOneThousandKeys() {
    kv.put(app, "c", keysAndValues(1_001));

    KvPage page = list(kv.session(app), "c", null, 1_000);

    assertThat(page.keys()).hasSize(1_000);
    assertThat(list(kv.session(app), "c", page.nextCursor(), 1_000).keys())
        .containsExactly("k1000");
  }

  @Test
  void anExactlyFullLastPageHasNoNextCursor() {
    kv.put(app, "c", keysAndValues(4));

    assertThat(list(kv.session(app), "c", null, 4).nextCursor()).isNull();
    assertThat(list(kv.session(app), "c", null, 3).nextCursor()).isNotNull();
  }

  @Test
  void pendingInsertsAndDeletesMergeIntoEveryPage() {
    kv.put(app, "c", keysAndValues(10));
    KvSession run = kv.session(app);
    // Deletes around page boundaries, inserts between stored keys and past the last one.
    for (String key : List.of("k0000", "k0002", "k0003", "k0004", "k0009")) {
      run.delete("c", key);
    }
    for (String key : List.of("k0001a", "k0005a", "k0005b", "k0010", "a")) {
      run.set("c", key, KvDb.json("0"));
    }
    List<String> expected =
        List.of(
            "a", "k0001", "k0001a", "k0005", "k0005a", "k0005b", "k0006", "k0007", "k0008",
            "k0010");

    for (int size = 1; size <= 11; size++) {
      assertThat(walk(run, size)).as("pages of %d", size).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void keysWrittenBetweenPagesByOthersDoNotShiftThePages() {
    kv.put(app, "c", keysAndValues(6));
    KvSession run = kv.session(app);
    KvPage first = list(run, "c", null, 3);

    kv.put(app, "c", "k0000a", "1", "k0003a", "1");
    KvPage second = list(run, "c", first.nextCursor(), 3);

    assertThat(first.keys()).containsExactly("k0000", "k0001", "k0002");
    assertThat(second.keys()).containsExactly("k0003", "k0003a", "k0004");
  }

  @Test
  void collectionsAreSeparate() {
    kv.put(app, "a", "1", "1");
    kv.put(app, "b", "2", "1");

    assertThat(list(kv.session(app), "a", null, null).keys()).containsExactly("1");
  }

  @Test
  void aScriptGetsKeysAndNextCursor() {
    kv.put(app, "c", keysAndValues(3));

    String answer =
        KvRuns.value(
            kv.session(app),
            """
            var c = kv.collection('c'), first = c.list(null, 2), rest = c.list(first.nextCursor);
            return [first.keys, typeof first.nextCursor, rest.keys, rest.nextCursor];
            """);

    assertThat(answer).isEqualTo("[[\"k0000\",\"k0001\"],\"string\",[\"k0002\"],null]");
  }

  private static KvPage list(KvSession session, String collection, String cursor, Integer limit) {
    return session.list(collection, cursor, limit);
  }

  private static List<String> walk(KvSession run, int size) {
    List<String> keys = new ArrayList<>();
    String cursor = null;
    do {
      KvPage page = run.list("c", cursor, size);
      assertThat(page.keys()).hasSizeLessThanOrEqualTo(size);
      keys.addAll(page.keys());
      cursor = page.nextCursor();
    } while (cursor != null);
    return keys;
  }

  private static String[] keysAndValues(int count) {
    String[] pairs = new String[count * 2];
    for (int i = 0; i < count; i++) {
      pairs[2 * i] = String.format("k%04d", i);
      pairs[2 * i + 1] = Integer.toString(i);
    }
    return pairs;
  }
}
