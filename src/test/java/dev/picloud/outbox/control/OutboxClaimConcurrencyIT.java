package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The required proof, db-scheduler style: several nodes claim from one queue at once on a real
 * PostgreSQL, and every row runs exactly once.
 */
class OutboxClaimConcurrencyIT {
  private static final int ROWS = 2_000;
  private static final int CLAIMERS = 6;
  private static final int BATCH = 16;

  private final OutboxDb outbox = new OutboxDb();

  @Test
  void concurrentClaimersRunEveryRowExactlyOnceAndLeaveNothingClaimed() throws Exception {
    UUID app = outbox.newApp();
    List<NewOutboxRow> rows = new ArrayList<>();
    Map<Integer, String> pinnedTo = new HashMap<>();
    for (int i = 0; i < ROWS; i++) {
      if (i % 10 == 0) {
        String node = node(i / 10 % CLAIMERS);
        pinnedTo.put(i, node);
        rows.add(NewRows.sync(app, node).build());
      } else {
        rows.add(NewRows.async(app).build());
      }
    }
    List<UUID> ids = outbox.insertAll(rows);
    Map<UUID, String> expectedNode = new HashMap<>();
    pinnedTo.forEach((index, node) -> expectedNode.put(ids.get(index), node));

    Map<UUID, String> ranBy = new ConcurrentHashMap<>();
    Queue<UUID> ranTwice = new ConcurrentLinkedQueue<>();
    Queue<UUID> ranOnWrongNode = new ConcurrentLinkedQueue<>();
    AtomicInteger failedSettles = new AtomicInteger();
    AtomicInteger oversizedBatches = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    List<Future<?>> claimers = new ArrayList<>();
    for (int c = 0; c < CLAIMERS; c++) {
      String node = node(c);
      claimers.add(
          pool.submit(
              () -> {
                start.await();
                while (outbox.reads.depth() > 0) {
                  List<ClaimedRow> batch = outbox.claimRows(node, BATCH, Duration.ofMinutes(5));
                  if (batch.size() > BATCH) {
                    oversizedBatches.incrementAndGet();
                  }
                  for (ClaimedRow row : batch) {
                    if (ranBy.putIfAbsent(row.id(), node) != null) {
                      ranTwice.add(row.id());
                    }
                    if (row.sync() && !node.equals(row.replyNode())) {
                      ranOnWrongNode.add(row.id());
                    }
                    if (!outbox.settles.complete(row.claim())) {
                      failedSettles.incrementAndGet();
                    }
                  }
                  if (batch.isEmpty()) {
                    Thread.sleep(2);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> claimer : claimers) {
      claimer.get(3, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(ranTwice).isEmpty();
    assertThat(ranBy.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ranOnWrongNode).isEmpty();
    expectedNode.forEach((id, node) -> assertThat(ranBy.get(id)).isEqualTo(node));
    assertThat(failedSettles).hasValue(0);
    assertThat(oversizedBatches).hasValue(0);
    assertThat(outbox.reads.depth()).isZero();
    assertThat(outbox.count("SELECT count(*) FROM outbox WHERE claimed_by IS NOT NULL")).isZero();
    assertThat(ranBy.values()).as("every claimer took part").containsAll(nodes());
  }

  private static String node(int index) {
    return "node-" + index;
  }

  private static List<String> nodes() {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < CLAIMERS; i++) {
      nodes.add(node(i));
    }
    return nodes;
  }
}
