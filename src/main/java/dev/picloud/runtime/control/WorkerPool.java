package dev.picloud.runtime.control;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;

/**
 * The threads that run scripts, made by the given factory (a ManagedThreadFactory in the server):
 * one per execution slot, so a permit holder's run starts at once. A thread the watchdog abandons
 * (a script it could not stop) is replaced right away and, if its script ever returns, retires
 * instead of taking more work, so the pool is back to its size.
 */
final class WorkerPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());
  private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();

  private final ThreadFactory threads;
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  WorkerPool(ThreadFactory threads, int size) {
    this.threads = threads;
    for (int i = 0; i < size; i++) {
      addWorker();
    }
  }

  void execute(Runnable task) {
    if (closed) {
      throw new RejectedExecutionException("the script runtime is closed");
    }
    tasks.add(task);
  }

  /** Starts one more thread, standing in for an abandoned one. */
  void addWorker() {
    Worker worker = new Worker();
    Thread thread = threads.newThread(worker);
    if (thread == null) {
      throw new RejectedExecutionException("the thread factory refused a script thread");
    }
    worker.thread = thread;
    workers.add(worker);
    thread.start();
  }

  /** Called on an abandoned thread whose script finally returned: it leaves after this task. */
  void retireCurrentWorker() {
    CURRENT.get().retired = true;
  }

  int threads() {
    return workers.size();
  }

  @Override
  public void close() {
    closed = true;
    workers.forEach(w -> w.thread.interrupt());
  }

  private final class Worker implements Runnable {
    private volatile Thread thread;
    private volatile boolean retired;

    @Override
    public void run() {
      CURRENT.set(this);
      try {
        while (!closed && !retired) {
          runOne(tasks.take());
        }
      } catch (InterruptedException e) {
        // close(): the thread ends, which is what the interrupt asked for.
        Thread.currentThread().interrupt();
      } finally {
        workers.remove(this);
        CURRENT.remove();
      }
    }

    private void runOne(Runnable task) {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.log(System.Logger.Level.ERROR, "A script task failed outside the script", e);
      }
    }
  }
}
