package dev.picloud.kv.control;

import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The key-value store as one run sees it: reads go to the store (no lock, no transaction), writes
 * stay in an overlay the run reads back, until the caller commits them all at once with {@link
 * KvStore#commit} (in the server: {@code KvWrites.commit}) after a successful run. A run that fails
 * is simply never committed. Every call is one of the run's {@value KvRules#MAX_OPERATIONS}
 * operations. The app is the session's, never a script's argument. One session per run; not
 * thread-safe.
 */
public final class KvSession {
  private final UUID appId;
  private final KvStore store;
  private final KvGate gate;
  private final KvOverlay overlay = new KvOverlay();
  private int operations;
  private boolean committed;

  /**
   * @param principal who the run acts for; empty on public routes (then the script is the gate)
   */
  public KvSession(UUID appId, Optional<Caller> principal, KvStore store) {
    this.appId = Objects.requireNonNull(appId);
    this.store = Objects.requireNonNull(store);
    this.gate = new KvGate(appId, principal, store);
  }

  public UUID appId() {
    return appId;
  }

  /** The value, the run's own pending write first. */
  public Optional<JsonValue> get(String collection, String key) {
    begin(collection, key, Capability.READ_APP);
    Optional<KvOverlay.Pending> pending = overlay.pending(collection, key);
    if (pending.isPresent()) {
      return Optional.ofNullable(pending.get().value());
    }
    Optional<KvStore.Stored> stored = store.find(appId, collection, key);
    overlay.saw(collection, key, stored.map(KvStore.Stored::version).orElse(KvWrite.ABSENT));
    return stored.map(KvStore.Stored::value);
  }

  public boolean has(String collection, String key) {
    begin(collection, key, Capability.READ_APP);
    return present(collection, key);
  }

  public void set(String collection, String key, JsonValue value) {
    begin(collection, key, Capability.WRITE_SCRIPTS);
    overlay.write(collection, key, new KvOverlay.Pending(value, KvRules.valueText(value)));
  }

  /** Deletes the key; answers whether it was there (for this run). */
  public boolean delete(String collection, String key) {
    begin(collection, key, Capability.WRITE_SCRIPTS);
    boolean present = present(collection, key);
    overlay.write(collection, key, KvOverlay.Pending.DELETE);
    return present;
  }

  /**
   * A page of the collection's keys as this run sees them: stored keys merged with its pending
   * writes. {@code cursor} is a previous page's {@code nextCursor}; {@code limit} defaults to
   * {@value KvRules#DEFAULT_PAGE}, at most {@value KvRules#MAX_PAGE}.
   */
  public KvPage list(String collection, String cursor, Integer limit) {
    begin(collection, null, Capability.READ_APP);
    String after = cursor == null ? null : KvCursor.lastKey(cursor);
    int size = KvRules.pageSize(limit);
    NavigableMap<String, KvOverlay.Pending> pending = overlay.pendingAfter(collection, after);
    int deletes = (int) pending.values().stream().filter(KvOverlay.Pending::deletes).count();
    // Fetching one row per pending delete more still leaves size + 1 keys when the store has them.
    int fetch = size + 1 + deletes;
    List<KvStore.StoredKey> rows = store.keysAfter(appId, collection, after, fetch);
    TreeMap<String, Long> merged = new TreeMap<>(KvRules.NAME_ORDER);
    rows.forEach(row -> merged.put(row.key(), row.version()));
    // Past the last fetched row the store was not read: pending keys there wait for a later page.
    String bound = rows.size() < fetch ? null : rows.get(rows.size() - 1).key();
    pending.forEach(
        (key, write) -> {
          if (write.deletes()) {
            merged.remove(key);
          } else if (bound == null || KvRules.NAME_ORDER.compare(key, bound) <= 0) {
            merged.putIfAbsent(key, KvWrite.ABSENT);
          }
        });
    List<String> keys = new ArrayList<>(size);
    for (var entry : merged.entrySet()) {
      if (keys.size() == size) {
        break;
      }
      keys.add(entry.getKey());
      overlay.saw(collection, entry.getKey(), entry.getValue());
    }
    boolean more = merged.size() > size;
    return new KvPage(keys, more ? KvCursor.after(keys.get(keys.size() - 1)) : null);
  }

  /** Whether the run wrote anything a commit would apply. */
  public boolean hasWrites() {
    return !overlay.writes().isEmpty();
  }

  /** The writes to commit; a session commits once. */
  List<KvWrite> takeWrites() {
    if (committed) {
      throw new IllegalStateException("this KV session was committed already");
    }
    committed = true;
    return overlay.writes();
  }

  private boolean present(String collection, String key) {
    Optional<KvOverlay.Pending> pending = overlay.pending(collection, key);
    if (pending.isPresent()) {
      return !pending.get().deletes();
    }
    long version = store.version(appId, collection, key);
    overlay.saw(collection, key, version);
    return version != KvWrite.ABSENT;
  }

  private void begin(String collection, String key, Capability capability) {
    if (committed) {
      throw new IllegalStateException("this KV session was committed already");
    }
    if (++operations > KvRules.MAX_OPERATIONS) {
      throw new KvException(
          "quota_exceeded",
          "a run may make at most " + KvRules.MAX_OPERATIONS + " key-value operations");
    }
    KvRules.checkCollection(collection);
    if (key != null) {
      KvRules.checkKey(key);
    }
    gate.require(capability);
  }
}
