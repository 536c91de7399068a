package dev.picloud.outbox.boundary;

import dev.picloud.kv.boundary.KvWrites;
import dev.picloud.outbox.control.AttemptError;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.outbox.control.OutboxSettles.DeadLettered;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.triggers.boundary.TriggerFanout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions that settle a claimed row. Each is fenced by the claim epoch: when the fence
 * fails (the lease was lost and another node may own the row now) everything in the transaction
 * rolls back and {@link LostClaim} is thrown.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class RowCommits {
  @Inject OutboxSettles settles;
  @Inject TriggerFanout fanout;
  @Inject KvWrites kv;
  @Inject Dispatcher dispatcher;

  /** The row is no longer this node's to settle. */
  public static class LostClaim extends RuntimeException implements ExpectedFailure {
    LostClaim(ClaimedRow row) {
      super(
          "outbox row " + row.id() + " was taken over before it could be settled",
          null,
          false,
          false);
    }
  }

  /**
   * A successful run: its KV writes (and the trigger rows they fire) and the row's completion
   * commit together or not at all.
   *
   * @throws dev.picloud.kv.control.KvConflict when a key the run read changed meanwhile
   */
  public void completeWithWrites(ClaimedRow row, RowPlan plan) {
    commitWrites(row, plan);
    fenced(row, settles.complete(row.claim()));
  }

  public void retry(ClaimedRow row, Duration delay, AttemptError error) {
    fenced(row, settles.retryLater(row.claim(), delay, error));
    dispatcher.wakeIn(delay);
  }

  /** Dead-letters the row and fans out to the dead-letter triggers, together. */
  public void deadLetter(ClaimedRow row, String op, AttemptError error) {
    Optional<DeadLettered> dead = settles.deadLetter(row.claim(), op, error);
    fenced(row, dead.isPresent());
    fanout.deadLettered(row, dead.get(), op);
  }

  /** A dead-letter handler row is done; a failed handler marks its dead letter. */
  public void handlerDone(ClaimedRow row, Optional<UUID> failedDeadLetter) {
    fenced(row, settles.complete(row.claim()));
    failedDeadLetter.ifPresent(settles::markHandlerFailed);
  }

  /** A dead-letter handler that succeeded: its writes commit with its completion. */
  public void handlerSucceeded(ClaimedRow row, RowPlan plan) {
    commitWrites(row, plan);
    fenced(row, settles.complete(row.claim()));
  }

  private void commitWrites(ClaimedRow row, RowPlan plan) {
    if (plan.session().hasWrites()) {
      kv.commit(plan.session(), plan.changeContext(row));
    }
  }

  /** Throws {@link LostClaim} unless the settle's fence {@code held}. */
  static void fenced(ClaimedRow row, boolean held) {
    if (!held) {
      throw new LostClaim(row);
    }
  }
}
