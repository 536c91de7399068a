package dev.picloud.kv.control;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's view on top of the store: its pending writes (the last write of each key wins; keys in
 * code point order per collection, for merging into list pages) and the version of each key when
 * the run first read it.
 */
final class KvOverlay {
  /** A pending new value with its JSON text, or a pending delete (both null). */
  record Pending(JsonValue value, String text) {
    static final Pending DELETE = new Pending(null, null);

    boolean deletes() {
      return value == null;
    }
  }

  private final Map<String, NavigableMap<String, Pending>> pending = new HashMap<>();
  private final Map<String, Map<String, Long>> seen = new HashMap<>();

  Optional<Pending> pending(String collection, String key) {
    NavigableMap<String, Pending> writes = pending.get(collection);
    return writes == null ? Optional.empty() : Optional.ofNullable(writes.get(key));
  }

  void write(String collection, String key, Pending write) {
    pending.computeIfAbsent(collection, c -> new TreeMap<>(KvRules.NAME_ORDER)).put(key, write);
  }

  /** Records the version of a read; only the first read of a key counts. */
  void saw(String collection, String key, long version) {
    seen.computeIfAbsent(collection, c -> new HashMap<>()).putIfAbsent(key, version);
  }

  /** The collection's pending writes after {@code key} (from the start when null), in order. */
  NavigableMap<String, Pending> pendingAfter(String collection, String key) {
    NavigableMap<String, Pending> writes = pending.get(collection);
    if (writes == null) {
      return new TreeMap<>(KvRules.NAME_ORDER);
    }
    return key == null ? writes : writes.tailMap(key, false);
  }

  /** Every pending write with the version its run saw, in (collection, key) order. */
  List<KvWrite> writes() {
    List<KvWrite> all = new ArrayList<>();
    TreeMap<String, NavigableMap<String, Pending>> collections = new TreeMap<>(KvRules.NAME_ORDER);
    collections.putAll(pending);
    collections.forEach(
        (collection, writes) -> {
          Map<String, Long> versions = seen.getOrDefault(collection, Map.of());
          writes.forEach(
              (key, write) ->
                  all.add(
                      new KvWrite(
                          collection,
                          key,
                          write.value(),
                          write.text(),
                          versions.getOrDefault(key, KvWrite.NOT_READ))));
        });
    return all;
  }
}
