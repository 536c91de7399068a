package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.OutboxStore.Inserted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for rows that belong to no transaction (public route requests): a caller hands its
 * row over and waits until it is committed; one writer thread takes every row waiting and writes
 * them with one statement, which commits all of them or none. Under load a request pays a share of
 * one round trip instead of a transaction of its own; alone, it pays one hand-off.
 */
@ApplicationScoped
public class OutboxAppender {
  private static final int BATCH = 256;
  private static final long STOP_TIMEOUT_MS = 10_000;

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private volatile boolean running = true;
  private Thread writer;

  @Resource ManagedThreadFactory threads;
  @Inject OutboxStore store;

  private record Pending(NewOutboxRow row, CompletableFuture<Inserted> written) {}

  @PostConstruct
  void start() {
    writer = threads.newThread(this::writeWhileRunning);
    writer.setName("picloud-outbox-appender");
    writer.setDaemon(true);
    writer.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    writer.interrupt();
    try {
      writer.join(STOP_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failLeftOver();
  }

  /**
   * Writes the row and returns once it is committed.
   *
   * @throws RuntimeException the write's failure (nothing of the row was written), or {@link
   *     IllegalStateException} when the application is stopping
   */
  public Inserted append(NewOutboxRow row) {
    Pending pending = new Pending(row, new CompletableFuture<>());
    if (!running) {
      throw stopping();
    }
    queue.add(pending);
    while (true) {
      try {
        return pending.written().get(1, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (TimeoutException e) {
        if (!writer.isAlive() && queue.remove(pending)) {
          throw stopping();
        }
      } catch (InterruptedException e) {
        // The row may be in a batch being written: its outcome is awaited all the same.
        Thread.currentThread().interrupt();
        return pending.written().join();
      }
    }
  }

  private void writeWhileRunning() {
    List<Pending> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        // stop() interrupts a waiting writer; what is queued is still written below.
      }
      queue.drainTo(batch, BATCH - batch.size());
      write(batch);
      batch.clear();
    }
  }

  private void write(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<Inserted> written = store.insertAll(batch.stream().map(Pending::row).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).written().complete(written.get(i));
      }
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.written().completeExceptionally(e));
    }
  }

  private void failLeftOver() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> pending.written().completeExceptionally(stopping()));
  }

  private static IllegalStateException stopping() {
    return new IllegalStateException("the application is stopping; the row was not written");
  }
}
