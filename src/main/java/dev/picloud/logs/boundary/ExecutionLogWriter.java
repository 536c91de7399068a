package dev.picloud.logs.boundary;

import dev.picloud.logs.control.ExecutionLog;
import dev.picloud.logs.control.ExecutionLogStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes execution logs off the request path: runs enqueue, one thread writes batches. A full queue
 * makes the caller write its own row (back-pressure, nothing dropped); a database outage is retried
 * with back-off; stopping the application drains the queue before it returns.
 *
 * <p>The writer lingers {@value #LINGER_MS} ms after the first log of a batch, so a steady stream
 * of runs is written a batch per transaction instead of a transaction per run (at 1,000 runs/s it
 * woke for nearly every one). Nobody waits on it: a log is readable that much later.
 */
@ApplicationScoped
public class ExecutionLogWriter {
  private static final Logger LOG = Logger.getLogger(ExecutionLogWriter.class.getName());
  private static final int CAPACITY = 10_000;
  private static final int BATCH = 500;
  private static final long LINGER_MS = 5;
  private static final long MAX_BACKOFF_MS = 30_000;
  private static final long STOP_TIMEOUT_MS = 20_000;

  private final BlockingQueue<ExecutionLog> queue = new ArrayBlockingQueue<>(CAPACITY);
  private volatile boolean running = true;
  private Thread drainer;

  @Resource ManagedThreadFactory threads;
  @Inject ExecutionLogStore store;

  @PostConstruct
  void start() {
    drainer = threads.newThread(this::drain);
    drainer.setName("picloud-execution-log-writer");
    drainer.setDaemon(true);
    drainer.start();
  }

  /** Queues the row; when the queue stays full (the database is slow or down) writes it here. */
  public void write(ExecutionLog log) {
    try {
      if (queue.offer(log, 2, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      store.insert(List.of(log));
    } catch (SQLException | RuntimeException e) {
      LOG.severe("Execution log " + log.id() + " lost: queue full and " + e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    try {
      drainer.join(STOP_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!queue.isEmpty()) {
      LOG.severe(() -> queue.size() + " execution logs could not be written before shutdown");
    }
  }

  private void drain() {
    while (running || !queue.isEmpty()) {
      try {
        ExecutionLog first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          List<ExecutionLog> batch = new ArrayList<>(BATCH);
          batch.add(first);
          if (running) {
            Thread.sleep(LINGER_MS);
          }
          queue.drainTo(batch, BATCH - 1);
          writeWithRetry(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void writeWithRetry(List<ExecutionLog> batch) {
    long backoff = 500;
    for (int attempt = 1; ; attempt++) {
      try {
        store.insert(batch);
        return;
      } catch (SQLException | RuntimeException e) {
        if (!running && attempt >= 3) {
          LOG.log(
              Level.SEVERE, batch.size() + " execution logs lost at shutdown: " + e.getMessage());
          return;
        }
        if (attempt == 1) {
          LOG.warning(
              "Cannot write "
                  + batch.size()
                  + " execution logs ("
                  + e.getMessage()
                  + "); retrying");
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
