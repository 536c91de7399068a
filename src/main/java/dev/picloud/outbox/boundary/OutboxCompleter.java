package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.Claim;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.platform.control.GroupCommit;
import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Completes claimed rows whose runs have nothing else to commit (no KV writes, no dead letter):
 * each settling thread waits while {@link GroupCommit} deletes its row with every other row
 * waiting, in one fenced statement instead of a transaction per row.
 */
@ApplicationScoped
public class OutboxCompleter {
  private static final int BATCH = 256;

  @Resource ManagedThreadFactory threads;
  @Inject OutboxSettles settles;

  private GroupCommit<Claim, Boolean> claims;

  @PostConstruct
  void start() {
    claims = new GroupCommit<>("picloud-outbox-completer", BATCH, threads, this::completeAll);
  }

  @PreDestroy
  void stop() {
    claims.close();
  }

  /** Whether the claim still held: false means the row was no longer this node's to complete. */
  public boolean complete(Claim claim) {
    return claims.write(claim);
  }

  /**
   * After a database restart the first statement on a stale pooled connection fails, and the pool
   * is purged: the batch is tried once more. (Had the first delete taken effect, the second finds
   * nothing, and its claims report lost: a warning, the rows are gone either way.)
   */
  private List<Boolean> completeAll(List<Claim> batch) {
    try {
      return settles.completeAll(batch);
    } catch (Jdbc.DataAccessException stale) {
      return settles.completeAll(batch);
    }
  }
}
