package dev.picloud.outbox.boundary;

import dev.picloud.kv.control.KvConflict;
import dev.picloud.outbox.control.AbandonedExecution;
import dev.picloud.outbox.control.AbandonedExecutionStore;
import dev.picloud.outbox.control.AttemptError;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.RetryPolicy;
import dev.picloud.outbox.control.Settlement;
import dev.picloud.platform.boundary.Problems;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.platform.control.Problem;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.scripts.boundary.RunResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Decides what becomes of a claimed row after its run, or instead of one. A sync row answers its
 * waiting caller (or becomes an abandoned execution when the caller is gone) and completes. A
 * dead-letter handler runs once: it never retries or dead-letters, and its failure marks the dead
 * letter. Any other row completes, retries or becomes a dead letter (SPEC 7.3, 7.4).
 */
@ApplicationScoped
public class RowSettlement {
  private static final Logger LOG = Logger.getLogger(RowSettlement.class.getName());

  @Inject RowCommits commits;
  @Inject OutboxGroupCommit groupCommit;
  @Inject AbandonedExecutionStore abandoned;
  @Inject Inbox inbox;
  @Inject DispatchMetrics metrics;
  @Inject Settings settings;

  /**
   * Settles after a run. A successful run's writes commit with the settle; when they cannot (a key
   * it read changed meanwhile) the run counts as failed with {@code kv_conflict}, which is returned
   * so the execution log can say so.
   */
  public Optional<AttemptError> settle(ClaimedRow row, RowPlan plan, RunOutcome outcome) {
    if (outcome.status() != RunStatus.SUCCESS) {
      failed(
          row,
          plan,
          new AttemptError(
              outcome.status().code(),
              outcome.error().orElse(outcome.status().code()),
              outcome.status().httpStatus()),
          outcome);
      return Optional.empty();
    }
    if (row.sync() && !plan.session().hasWrites()) {
      answerThenComplete(row, RunResponses.of(outcome), outcome);
      return Optional.empty();
    }
    try {
      if (plan.handler()) {
        commit(row, () -> commits.handlerSucceeded(row, plan));
      } else if (plan.session().hasWrites()) {
        commit(row, () -> commits.completeWithWrites(row, plan));
      } else {
        complete(row);
      }
    } catch (KvConflict conflict) {
      AttemptError error = new AttemptError("kv_conflict", conflict.getMessage(), 409);
      if (row.sync()) {
        answerThenComplete(row, RunResponses.conflict(conflict.getMessage()), null);
      } else {
        failed(row, plan, error, null);
      }
      return Optional.of(error);
    }
    if (row.sync()) {
      answer(row, RunResponses.of(outcome), outcome);
    }
    return Optional.empty();
  }

  /**
   * The run failed: the script's failure ({@code outcome} set) or the platform's (it could not
   * start, or broke down).
   */
  public void failed(ClaimedRow row, RowPlan plan, AttemptError error, RunOutcome outcome) {
    if (row.sync()) {
      answerThenComplete(
          row,
          outcome != null
              ? RunResponses.of(outcome)
              : problem(500, error.code(), "The run failed in the platform."),
          outcome);
    } else if (plan.handler()) {
      commit(row, () -> commits.handlerDone(row, plan.handledDeadLetter()));
    } else {
      apply(row, plan.policy(), Optional.of(error));
    }
  }

  /** The row is not run at all (see {@link RowPlan.Refusal}). */
  public void notRun(ClaimedRow row, Optional<UUID> handledDeadLetter, RowPlan.Refusal refusal) {
    if (row.sync()) {
      answerThenComplete(
          row, problem(500, "not_run", "The request could not be run: " + refusal.reason()), null);
    } else if (handledDeadLetter.isPresent()) {
      commit(row, () -> commits.handlerDone(row, handledDeadLetter));
    } else if (refusal.drop()) {
      complete(row);
    } else {
      commit(
          row,
          () ->
              commits.deadLetter(
                  row, op(row), new AttemptError("not_run", refusal.reason(), null)));
    }
  }

  /**
   * Deletes a sync row, unrun, whose caller's budget ran out before a slot was free for it; false
   * (and nothing done) for an async row or a sync row whose caller still waits.
   */
  public boolean withdrawnUnrun(ClaimedRow row) {
    if (!row.sync() || inbox.waits(row.replyTo())) {
      return false;
    }
    completeAnswered(row);
    return true;
  }

  /** Deeper than PICLOUD_MAX_TRIGGER_DEPTH: a loop, dropped without running or dead-lettering. */
  public void dropTooDeep(ClaimedRow row) {
    complete(row);
    metrics.depthExceeded();
    LOG.warning(
        () ->
            "Dropped outbox row "
                + row.id()
                + " of app "
                + row.appId()
                + ": trigger depth "
                + row.triggerDepth()
                + " exceeds "
                + settings.maxTriggerDepth());
  }

  /** Rescued so often it has no attempt left: dead-lettered without running again. */
  public void exhaustedByLostWorkers(ClaimedRow row) {
    commit(
        row,
        () ->
            commits.deadLetter(
                row,
                op(row),
                new AttemptError(
                    "worker_lost", "Every attempt was lost with its node; not run again.", null)));
  }

  private void apply(ClaimedRow row, RetryPolicy policy, Optional<AttemptError> failure) {
    Settlement decision =
        Settlement.decide(
            failure,
            row.attemptCount(),
            policy,
            settings.retryDefaults().jitterPct(),
            () -> ThreadLocalRandom.current().nextDouble());
    if (decision instanceof Settlement.Retry retry) {
      commit(row, () -> commits.retry(row, retry.delay(), retry.error()));
    } else if (decision instanceof Settlement.DeadLetter dead) {
      commit(row, () -> commits.deadLetter(row, op(row), dead.error()));
    } else {
      complete(row);
    }
  }

  /**
   * A sync row with nothing to commit answers its caller before it is deleted: the delete is
   * bookkeeping the caller need not wait for. A row a failed delete leaves behind is never run
   * again: once its lease expires, the rescuer deletes it as it deletes every expired sync row.
   */
  private void answerThenComplete(ClaimedRow row, Response response, RunOutcome outcome) {
    answer(row, response, outcome);
    completeAnswered(row);
  }

  /** A sync row whose caller is answered or gone: deleted without waiting for the WAL flush. */
  private void completeAnswered(ClaimedRow row) {
    commit(row, () -> RowCommits.fenced(row, groupCommit.completeAnswered(row.claim())));
  }

  /** The row is done and nothing else commits with it: deleted by group commit. */
  private void complete(ClaimedRow row) {
    commit(row, () -> RowCommits.fenced(row, groupCommit.complete(row.claim())));
  }

  private static void commit(ClaimedRow row, Runnable transaction) {
    try {
      transaction.run();
    } catch (RowCommits.LostClaim lost) {
      LOG.warning(lost::getMessage);
    }
  }

  private void answer(ClaimedRow row, Response response, RunOutcome outcome) {
    response.getHeaders().putSingle("X-Execution-Id", row.executionId().toString());
    if (!inbox.deliver(row.replyTo(), response)) {
      abandoned.insert(
          new AbandonedExecution(
              row.appId(),
              row.id(),
              row.executionId(),
              row.scriptId(),
              row.replyTo(),
              response.getStatus(),
              summary(response, outcome)));
      metrics.abandoned();
    }
  }

  private static Response problem(int status, String code, String detail) {
    return Problems.response(Problem.of(status, code, "Internal error", detail)).build();
  }

  private static String summary(Response response, RunOutcome outcome) {
    if (outcome != null && outcome.status() != RunStatus.SUCCESS) {
      return outcome.status().code() + ": " + outcome.error().orElse("");
    }
    Object entity = response.getEntity();
    return entity instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(entity);
  }

  /** The dead letter's op: an HTTP row's method, an event's op. */
  private static String op(ClaimedRow row) {
    try {
      JsonObject payload = Jsonp.createReader(new StringReader(row.payloadJson())).readObject();
      if (payload.containsKey("request")) {
        return payload.getJsonObject("request").getString("method");
      }
      return payload.getJsonObject("event").getString("op", row.sourceKind().wire());
    } catch (RuntimeException unreadable) {
      return row.sourceKind().wire();
    }
  }
}
