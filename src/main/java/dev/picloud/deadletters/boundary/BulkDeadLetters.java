package dev.picloud.deadletters.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.deadletters.control.DeadLetterFilter;
import dev.picloud.deadletters.control.ResolutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Bulk replay and resolve by filter (ADMIN_APP). The unresolved rows that match when the action
 * starts are worked through in batches of {@value #BATCH}, each batch its own transaction through
 * {@link DeadLetters}, so locks are short and a failure keeps the batches already done.
 */
@ApplicationScoped
public class BulkDeadLetters {
  static final int BATCH = 500;

  @Inject AppAccess access;
  @Inject DeadLetters deadLetters;
  @Inject Clock clock;

  public BulkResultView replay(Caller caller, String appRef, ReplayDeadLetters command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    DeadLetterFilter filter =
        filter(
            command.source(),
            command.triggerId(),
            command.scriptId(),
            command.error(),
            command.createdAfter(),
            command.createdBefore());
    int count = drain(() -> deadLetters.replayBatch(caller, app, filter, BATCH));
    return new BulkResultView(count, count);
  }

  public BulkResultView resolve(Caller caller, String appRef, ResolveDeadLetters command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    ResolutionRequest request = ResolutionRequest.of(command.reason(), command.note());
    DeadLetterFilter filter =
        filter(
            command.source(),
            command.triggerId(),
            command.scriptId(),
            command.error(),
            command.createdAfter(),
            command.createdBefore());
    return new BulkResultView(
        drain(() -> deadLetters.resolveBatch(app, filter, request, BATCH)), null);
  }

  /** The unresolved rows the command's filter matches among those that exist now. */
  private DeadLetterFilter filter(
      String source,
      UUID triggerId,
      UUID scriptId,
      String error,
      Instant createdAfter,
      Instant createdBefore) {
    return DeadLetterFilter.of(
            null, source, triggerId, scriptId, error, createdAfter, createdBefore)
        .unresolvedAsOf(clock.instant());
  }

  /**
   * Runs batches until one comes back short. Rows another action holds are skipped (SKIP LOCKED)
   * and left to it; every row a batch takes leaves the unresolved set, so this ends.
   */
  private static int drain(IntSupplier batch) {
    int total = 0;
    int done;
    do {
      done = batch.getAsInt();
      total += done;
    } while (done == BATCH);
    return total;
  }
}
