package dev.picloud.kv.control;

import jakarta.json.JsonValue;

/**
 * The net write of one key by a run: a new value with its JSON text, or a delete (both null).
 * {@code seenVersion} is the version the run first read ({@link #ABSENT} for a missing key), or
 * {@link #NOT_READ} for a blind write, which the commit does not check.
 */
record KvWrite(String collection, String key, JsonValue value, String text, long seenVersion) {
  static final long ABSENT = 0;
  static final long NOT_READ = -1;

  boolean deletes() {
    return value == null;
  }
}
