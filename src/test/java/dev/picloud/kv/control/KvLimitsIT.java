package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SECURITY.md "Resource abuse: KV rows" and the other limits: each a thrown {@code kv} error. */
class KvLimitsIT {
  private final KvDb kv = new KvDb();
  private final UUID app = kv.newApp();

  @Test
  void tenThousandOperationsStopAtTheThousandAndFirst() {
    String error =
        KvRuns.error(
            kv.session(app),
            """
            var c = kv.collection('c'), done = 0;
            try {
              for (var i = 0; i < 10000; i++) { c.set('k' + i, i); done++; }
            } catch (e) {
              throw new Error(done + ' ' + e.message);
            }
            """);

    assertThat(error).startsWith("Error: 1000 kv: quota_exceeded: a run may make at most 1000");
  }

  @Test
  void readsCountTowardsTheQuotaToo() {
    String error =
        KvRuns.error(
            kv.session(app),
            "var c = kv.collection('c'); for (var i = 0; i < 10000; i++) { c.has('k'); }");

    assertThat(error).startsWith("Error: kv: quota_exceeded");
  }

  @Test
  void aTwoMebibyteValueIsTooLarge() {
    String error =
        KvRuns.error(kv.session(app), "kv.collection('c').set('k', 'x'.repeat(2 * 1024 * 1024));");

    assertThat(error).startsWith("Error: kv: value_too_large");
  }

  @Test
  void aValueOfExactly256KibAsJsonFitsAndOneByteMoreDoesNot() {
    KvSession run = kv.session(app);
    // A JSON string is its characters plus two quotes; 'é' is two UTF-8 bytes.
    String fits = "'é'.repeat(65535) + 'x'.repeat(131072)";
    String answer =
        KvRuns.value(
            run,
            """
            var c = kv.collection('c'), error = null;
            c.set('fits', %s);
            try { c.set('over', %s + 'x'); } catch (e) { error = e.message; }
            return [c.get('fits').length, error];
            """
                .formatted(fits, fits));
    kv.commit(run);

    assertThat(answer).startsWith("[196607,\"kv: value_too_large: the value is 262145 bytes");
    assertThat(kv.stored(app, "c", "fits")).hasValueSatisfying(v -> assertThat(v).endsWith(" v1"));
  }

  @Test
  void aKibibyteKeyIsTooLargeAndFiveHundredTwelveBytesFit() {
    KvSession run = kv.session(app);

    String answer =
        KvRuns.value(
            run,
            """
            var c = kv.collection('c'), error = null;
            c.set('é'.repeat(256), 1);
            try { c.get('k'.repeat(1024)); } catch (e) { error = e.message; }
            return error;
            """);

    assertThat(answer).startsWith("\"kv: key_too_large: key is 1024 bytes in UTF-8; at most 512");
  }

  @Test
  void aCollectionNameIsLimitedLikeAKey() {
    assertThat(KvRuns.error(kv.session(app), "kv.collection('c'.repeat(513));"))
        .startsWith("Error: kv: collection_too_large");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kv.collection('')|kv: invalid_collection: collection must not be empty",
        "kv.collection('c').get('')|kv: invalid_key: key must not be empty",
        "kv.collection('c').set('', 1)|kv: invalid_key: key must not be empty",
        "kv.collection('c').get('a\\u0000b')|kv: invalid_key: key must be valid Unicode",
        "kv.collection('c').get('\\ud800')|kv: invalid_key: key must be valid Unicode",
        "kv.collection('c').get(42)|kv: key must be a string",
        "kv.collection()|kv: collection name must be a string",
        "kv.collection('c').set('k')|kv: invalid_value: the value is undefined",
        "kv.collection('c').set('k', undefined)|kv: invalid_value: the value is undefined",
        "kv.collection('c').set('k', function () {})|kv: invalid_value: the value cannot be",
        "var o = {}; o.self = o; kv.collection('c').set('k', o)|kv: invalid_value: the value cannot",
        "kv.collection('c').set('k', new Error('x'))|kv: invalid_value: the value cannot be",
        "kv.collection('c').set('k', {s: 'a\\u0000b'})|kv: invalid_value: strings in a value",
        "kv.collection('c').set('k', ['\\udc00'])|kv: invalid_value: strings in a value",
        "kv.collection('c').list(null, 0)|kv: invalid_limit: limit must be between 1 and 1000",
        "kv.collection('c').list(null, 1001)|kv: invalid_limit: limit must be between 1 and 1000",
        "kv.collection('c').list(null, -5)|kv: invalid_limit",
        "kv.collection('c').list(null, 1.5)|kv: limit must be a whole number",
        "kv.collection('c').list('not-a-cursor')|kv: invalid_cursor",
        "kv.collection('c').list('azE6')|kv: invalid_cursor",
      })
  void badArgumentsThrowKvErrors(String call) {
    String[] parts = call.split("\\|");

    assertThat(KvRuns.error(kv.session(app), parts[0] + ";")).startsWith("Error: " + parts[1]);
  }
}
