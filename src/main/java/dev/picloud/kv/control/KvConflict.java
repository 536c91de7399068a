package dev.picloud.kv.control;

import dev.picloud.platform.control.ExpectedFailure;

/**
 * A commit found that a key the run read and then wrote has changed since the run read it. Nothing
 * of the commit is left in the transaction, but the caller must roll back (a dispatched async row
 * is then retried; the admin API answers 409).
 */
public class KvConflict extends RuntimeException implements ExpectedFailure {
  KvConflict(String collection, String key, long seen, long found) {
    super(
        "kv entry "
            + collection
            + "/"
            + key
            + " changed since the run read it (version "
            + seen
            + ", now "
            + found
            + ")",
        null,
        false,
        false);
  }
}
