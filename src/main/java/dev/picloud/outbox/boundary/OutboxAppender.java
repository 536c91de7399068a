package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.OutboxStore.Inserted;
import dev.picloud.platform.control.GroupCommit;
import dev.picloud.platform.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rows that belong to no transaction (public route requests) are written by {@link GroupCommit}: a
 * caller waits until its row is committed, together with every other row waiting. Async rows go to
 * the queue; sync rows are written claimed by this node, which runs them at once.
 */
@ApplicationScoped
public class OutboxAppender {
  private static final int BATCH = 256;

  @Resource ManagedThreadFactory threads;
  @Inject OutboxStore store;
  @Inject Settings settings;

  private GroupCommit<NewOutboxRow, Inserted> rows;
  private GroupCommit<NewOutboxRow, ClaimedRow> claimedRows;

  @PostConstruct
  void start() {
    rows = new GroupCommit<>("picloud-outbox-appender", BATCH, threads, store::insertAll);
    claimedRows =
        new GroupCommit<>(
            "picloud-sync-appender",
            BATCH,
            threads,
            batch -> store.insertClaimed(batch, settings.outboxLease()));
  }

  @PreDestroy
  void stop() {
    rows.close();
    claimedRows.close();
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
   * Writes a sync row claimed by this node and returns the claim once it is committed.
   *
   * @throws RuntimeException as {@link #append}
   */
  public ClaimedRow appendClaimed(NewOutboxRow row) {
    return claimedRows.write(row);
  }
}
