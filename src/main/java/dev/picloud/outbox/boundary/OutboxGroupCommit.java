package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.Claim;
import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.OutboxStore.Inserted;
import dev.picloud.outbox.control.RunnableRow;
import dev.picloud.platform.control.GroupCommit;
import dev.picloud.platform.control.Jdbc;
import dev.picloud.platform.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * The outbox writes that belong to no transaction of their own, by {@link GroupCommit}: a caller
 * waits until its write is committed, together with every other one waiting. New rows of public
 * route requests are inserted (a sync request's row already claimed by this node); claimed rows
 * whose runs have nothing else to commit (no KV writes, no dead letter) are deleted, in one fenced
 * statement instead of a transaction per row.
 */
@ApplicationScoped
public class OutboxGroupCommit {
  private static final Logger LOG = Logger.getLogger(OutboxGroupCommit.class.getName());
  private static final int BATCH = 256;

  @Resource ManagedThreadFactory threads;
  @Inject OutboxStore store;
  @Inject OutboxSettles settles;
  @Inject Settings settings;

  private GroupCommit<NewOutboxRow, Inserted> rows;
  private GroupCommit<NewOutboxRow, RunnableRow> claimedRows;
  private GroupCommit<Completion, Boolean> completions;

  @PostConstruct
  void start() {
    rows = new GroupCommit<>("picloud-outbox-appender", BATCH, threads, store::insertAll);
    claimedRows =
        new GroupCommit<>(
            "picloud-sync-appender",
            BATCH,
            threads,
            batch -> store.insertClaimed(batch, settings.outboxLease()));
    completions = new GroupCommit<>("picloud-outbox-completer", BATCH, threads, this::completeAll);
  }

  @PreDestroy
  void stop() {
    rows.close();
    claimedRows.close();
    completions.close();
  }

  /**
   * Writes the row and returns once it is committed.
   *
   * @throws RuntimeException the write's failure (nothing of the row was written), or {@link
   *     IllegalStateException} when the application is stopping
   */
  public Inserted append(NewOutboxRow row) {
    return rows.write(row);
  }

  /**
   * Writes a sync row claimed by this node without waiting: the future gives the claim, with its
   * script, once the row is committed, or the write's failure (nothing of the row was written). It
   * completes on the writer thread, so what depends on it must be quick.
   */
  public CompletableFuture<RunnableRow> appendClaimed(NewOutboxRow row) {
    return claimedRows.submit(row);
  }

  /** Whether the claim still held: false means the row was no longer this node's to complete. */
  public boolean complete(Claim claim) {
    return completions.write(new Completion(claim, true));
  }

  /**
   * {@link #complete} for a sync row whose caller has its answer: the delete is bookkeeping, so its
   * commit does not wait for the WAL flush, and the run's slot is free sooner on a durable
   * database. A crash that loses the delete leaves a row whose lease expires, and the rescuer
   * deletes expired sync rows unrun. A batch with any other row in it waits for the flush.
   */
  public boolean completeAnswered(Claim claim) {
    return completions.write(new Completion(claim, false));
  }

  /**
   * After a database restart the first statement on a stale pooled connection fails, and the pool
   * is purged: the batch is tried once more. (Had the first delete taken effect, the second finds
   * nothing, and its claims report lost: a warning, the rows are gone either way.)
   */
  private List<Boolean> completeAll(List<Completion> batch) {
    List<Claim> claims = batch.stream().map(Completion::claim).toList();
    boolean flush = batch.stream().anyMatch(Completion::flush);
    try {
      return settles.completeAll(claims, flush);
    } catch (Jdbc.DataAccessException stale) {
      LOG.warning(
          () ->
              "Completing "
                  + batch.size()
                  + " outbox rows failed ("
                  + stale.getMessage()
                  + "); trying once more");
      return settles.completeAll(claims, flush);
    }
  }

  /** A claim to complete, and whether its delete must reach the disk before the caller goes on. */
  private record Completion(Claim claim, boolean flush) {}
}
