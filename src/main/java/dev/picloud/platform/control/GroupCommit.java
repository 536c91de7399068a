package dev.picloud.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Group commit: callers hand an item over and wait until it is written; one writer thread takes
 * every item waiting (up to a batch) and writes them with one statement, which commits all of them
 * or none. Under load a caller pays a share of one round trip instead of a transaction of its own;
 * alone, it pays one hand-off.
 *
 * @param <T> what callers hand over
 * @param <R> what each learns once written
 */
public final class GroupCommit<T, R> implements AutoCloseable {
  private static final long STOP_TIMEOUT_MS = 10_000;

  private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
  private final int batchSize;
  private final Function<List<T>, List<R>> writeAll;
  private final Thread writer;
  private volatile boolean running = true;

  private record Pending<T, R>(T item, CompletableFuture<R> written) {}

  /**
   * @param writeAll writes a batch in one statement and answers for each item, in order; throws
   *     when nothing of the batch was written
   */
  public GroupCommit(
      String name, int batchSize, ThreadFactory threads, Function<List<T>, List<R>> writeAll) {
    this.batchSize = batchSize;
    this.writeAll = writeAll;
    writer = threads.newThread(this::writeWhileRunning);
    writer.setName(name);
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Writes the item and returns once it is committed.
   *
   * @throws RuntimeException the write's failure (nothing of the item was written), or {@link
   *     IllegalStateException} when the application is stopping
   */
  public R write(T item) {
    if (!running) {
      throw stopping();
    }
    return await(enqueue(item));
  }

  /**
   * Hands the item over without waiting: the future completes on the writer thread once the item is
   * committed, or with the write's failure, or with {@link IllegalStateException} when the
   * application is stopping. What depends on it runs on the writer thread, so it must be quick.
   */
  public CompletableFuture<R> submit(T item) {
    return running ? enqueue(item).written() : CompletableFuture.failedFuture(stopping());
  }

  private Pending<T, R> enqueue(T item) {
    Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
    queue.add(pending);
    return pending;
  }

  private R await(Pending<T, R> pending) {
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
        // The item may be in a batch being written: its outcome is awaited all the same.
        Thread.currentThread().interrupt();
        return pending.written().join();
      }
    }
  }

  /** Writes what is queued, then stops; items handed over later are refused. */
  @Override
  public void close() {
    running = false;
    writer.interrupt();
    try {
      writer.join(STOP_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Pending<T, R>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> pending.written().completeExceptionally(stopping()));
  }

  private void writeWhileRunning() {
    List<Pending<T, R>> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        // close() interrupts a waiting writer; what is queued is still written below.
      }
      queue.drainTo(batch, batchSize - batch.size());
      write(batch);
      batch.clear();
    }
  }

  private void write(List<Pending<T, R>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<R> written = writeAll.apply(batch.stream().map(Pending::item).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).written().complete(written.get(i));
      }
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.written().completeExceptionally(e));
    }
  }

  private static IllegalStateException stopping() {
    return new IllegalStateException("the application is stopping; nothing was written");
  }
}
