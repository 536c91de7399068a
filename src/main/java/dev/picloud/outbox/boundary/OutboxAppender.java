package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.OutboxStore.Inserted;
import dev.picloud.platform.control.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rows that belong to no transaction (public route requests) are written by {@link GroupCommit}: a
 * caller waits until its row is committed, together with every other row waiting.
 */
@ApplicationScoped
public class OutboxAppender {
  private static final int BATCH = 256;

  @Resource ManagedThreadFactory threads;
  @Inject OutboxStore store;

  private GroupCommit<NewOutboxRow, Inserted> rows;

  @PostConstruct
  void start() {
    rows = new GroupCommit<>("picloud-outbox-appender", BATCH, threads, store::insertAll);
  }

  @PreDestroy
  void stop() {
    rows.close();
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
}
