package dev.picloud.kv.control;

import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One committed change of an entry: the net effect of a run (or an admin request) on that key.
 * {@code value} is null on delete, {@code oldValue} null on insert; both are the exact rows before
 * and after, read under the commit's row lock.
 */
public record KvEvent(String collection, String key, KvOp op, JsonValue value, JsonValue oldValue) {
  public KvEvent {
    Objects.requireNonNull(collection);
    Objects.requireNonNull(key);
    Objects.requireNonNull(op);
  }
}
