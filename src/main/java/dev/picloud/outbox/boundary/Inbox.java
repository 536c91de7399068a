package dev.picloud.outbox.boundary;

import dev.picloud.platform.boundary.Problems;
import dev.picloud.platform.control.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The suspended callers of sync routes, by inbox id. The wait budget is enforced here, not with
 * {@code AsyncResponse.setTimeout}, which keeps every finished request alive until its timeout
 * would have fired: a delivery cancels the caller's timer and the timer leaves the queue at once.
 * It holds only memory, so its calls (three per sync request) run without a transaction: the
 * default would begin and commit one around each.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Inbox {
  private static final Logger LOG = Logger.getLogger(Inbox.class.getName());
  private final Map<UUID, Waiting> waiting = new ConcurrentHashMap<>();
  private ScheduledThreadPoolExecutor timers;

  @Resource ManagedThreadFactory threads;

  private record Waiting(AsyncResponse response, ScheduledFuture<?> timeout) {}

  @PostConstruct
  void start() {
    timers = new ScheduledThreadPoolExecutor(1, threads);
    timers.setRemoveOnCancelPolicy(true);
  }

  @PreDestroy
  void stop() {
    timers.shutdownNow();
    waiting.keySet().forEach(id -> cancel(id, unavailable()));
  }

  /** Holds {@code response} until a delivery or until {@code budget} elapses (then 504). */
  public void register(UUID inboxId, AsyncResponse response, Duration budget) {
    ScheduledFuture<?> timeout =
        timers.schedule(() -> expire(inboxId), budget.toMillis(), TimeUnit.MILLISECONDS);
    waiting.put(inboxId, new Waiting(response, timeout));
  }

  /** Resumes the caller; false when nobody waits any more (the budget elapsed first). */
  public boolean deliver(UUID inboxId, Response result) {
    Waiting entry = waiting.remove(inboxId);
    if (entry == null) {
      return false;
    }
    entry.timeout().cancel(false);
    return entry.response().resume(result);
  }

  /** Answers the caller without a run (the outbox write failed, the node is stopping…). */
  public void cancel(UUID inboxId, Response result) {
    deliver(inboxId, result);
  }

  /** Whether the caller behind {@code inboxId} still waits (its budget has not run out). */
  public boolean waits(UUID inboxId) {
    return waiting.containsKey(inboxId);
  }

  public int pending() {
    return waiting.size();
  }

  private void expire(UUID inboxId) {
    Waiting entry = waiting.remove(inboxId);
    if (entry != null) {
      Problem problem =
          Problem.of(
              504,
              "script_timeout",
              "Script timeout",
              "The script did not answer within its time budget.");
      entry.response().resume(Problems.response(problem).build());
    }
  }

  private static Response unavailable() {
    Problem problem =
        Problem.of(503, "backend_unavailable", "Backend unavailable", "The server is stopping.");
    return Problems.response(problem).header("Retry-After", "1").build();
  }
}
