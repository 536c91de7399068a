package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.Claim;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.SourceKind;
import java.time.Instant;
import java.util.UUID;

/** Claimed rows made in memory, held by node-a, for dispatcher tests that need no database. */
final class ClaimedRows {
  private ClaimedRows() {}

  /** A sync route request's row: its caller waits on node-a under a fresh inbox id. */
  static ClaimedRow sync() {
    return claimed(SourceKind.HTTP, UUID.randomUUID(), "node-a", 0);
  }

  /** An async route request's row. */
  static ClaimedRow async() {
    return claimed(SourceKind.HTTP, null, null, 0);
  }

  /** A KV trigger's row at {@code depth}. */
  static ClaimedRow kv(int depth) {
    return claimed(SourceKind.KV, null, null, depth);
  }

  private static ClaimedRow claimed(SourceKind kind, UUID replyTo, String replyNode, int depth) {
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    return new ClaimedRow(
        id,
        UUID.randomUUID(),
        kind,
        UUID.randomUUID(),
        UUID.randomUUID(),
        replyTo,
        replyNode,
        "{}",
        null,
        depth,
        UUID.randomUUID(),
        UUID.randomUUID(),
        1,
        null,
        now,
        now,
        now,
        now.plusSeconds(90),
        new Claim(id, "node-a", 1));
  }
}
