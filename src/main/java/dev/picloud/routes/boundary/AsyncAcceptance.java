package dev.picloud.routes.boundary;

import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.routes.control.IdempotencyStore;
import dev.picloud.routes.control.IdempotencyStore.Accepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Enqueues an async request that carries an Idempotency-Key: the outbox row and the key's claim
 * commit together. A key that is already taken answers the first acceptance and enqueues nothing.
 * (Requests without a key are enqueued by the {@link
 * dev.picloud.outbox.boundary.OutboxGroupCommit}.)
 */
@ApplicationScoped
public class AsyncAcceptance {
  @Inject OutboxStore outbox;
  @Inject IdempotencyStore keys;

  /** A request refused because its key was claimed concurrently; the transaction rolls back. */
  static class KeyTaken extends RuntimeException implements ExpectedFailure {
    KeyTaken() {
      super(null, null, false, false);
    }
  }

  @Transactional(dontRollbackOn = ExpectedFailure.class)
  @ExpectedFailuresRollBack
  public Accepted accept(NewOutboxRow row, UUID routeId, String idempotencyKey) {
    Optional<Accepted> first = keys.find(row.appId(), routeId, idempotencyKey);
    if (first.isPresent()) {
      return first.get();
    }
    OutboxStore.Inserted inserted = outbox.insert(row);
    Accepted accepted = new Accepted(row.executionId(), inserted.createdAt());
    if (!keys.claim(row.appId(), routeId, idempotencyKey, accepted)) {
      throw new KeyTaken();
    }
    return accepted;
  }
}
