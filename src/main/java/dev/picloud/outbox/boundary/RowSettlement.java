package dev.picloud.outbox.boundary;

import dev.picloud.outbox.control.AbandonedExecution;
import dev.picloud.outbox.control.AbandonedExecutionStore;
import dev.picloud.outbox.control.AttemptError;
import dev.picloud.outbox.control.Backoff;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.outbox.control.RetryPolicy;
import dev.picloud.outbox.control.Settlement;
import dev.picloud.platform.boundary.Problems;
import dev.picloud.platform.control.Problem;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.scripts.boundary.RunResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Settles a claimed row after its run: a sync row answers its waiting caller (or becomes an
 * abandoned execution when the caller is gone) and completes; an async row completes, retries or
 * becomes a dead letter. Every settle is fenced by the claim epoch.
 */
@ApplicationScoped
public class RowSettlement {
  private static final Logger LOG = Logger.getLogger(RowSettlement.class.getName());

  @Inject OutboxSettles settles;
  @Inject AbandonedExecutionStore abandoned;
  @Inject Inbox inbox;
  @Inject DispatchMetrics metrics;
  @Inject Settings settings;

  public void settle(ClaimedRow row, RunOutcome outcome) {
    if (row.sync()) {
      answer(row, RunResponses.of(outcome), outcome);
      return;
    }
    Optional<AttemptError> failure =
        outcome.status() == RunStatus.SUCCESS
            ? Optional.empty()
            : Optional.of(
                new AttemptError(
                    outcome.status().code(),
                    outcome.error().orElse(outcome.status().code()),
                    outcome.status().httpStatus()));
    apply(row, failure);
  }

  /** The platform could not run the row at all (missing script, corrupt payload…). */
  public void failedToStart(ClaimedRow row, AttemptError error) {
    if (row.sync()) {
      Problem problem = Problem.of(500, error.code(), "Internal error", "The run could not start.");
      answer(row, Problems.response(problem).build(), null);
      return;
    }
    apply(row, Optional.of(error));
  }

  /** Deeper than PICLOUD_MAX_TRIGGER_DEPTH: a loop, dropped without running or dead-lettering. */
  public void dropTooDeep(ClaimedRow row) {
    settles.complete(row.claim());
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
    settles.deadLetter(
        row.claim(),
        op(row),
        new AttemptError(
            "worker_lost", "Every attempt was lost with its node; not run again.", null));
  }

  /** The retry policy of a row at dispatch time: async http rows use the instance defaults. */
  public RetryPolicy policyFor(ClaimedRow row) {
    Settings.RetryDefaults defaults = settings.retryDefaults();
    return new RetryPolicy(
        defaults.maxAttempts(), Backoff.fromWire(defaults.backoff()), defaults.baseMs());
  }

  private void apply(ClaimedRow row, Optional<AttemptError> failure) {
    Settlement decision =
        Settlement.decide(
            failure,
            row.attemptCount(),
            policyFor(row),
            settings.retryDefaults().jitterPct(),
            () -> ThreadLocalRandom.current().nextDouble());
    boolean settled;
    if (decision instanceof Settlement.Retry retry) {
      settled = settles.retryLater(row.claim(), retry.delay(), retry.error());
    } else if (decision instanceof Settlement.DeadLetter dead) {
      settled = settles.deadLetter(row.claim(), op(row), dead.error()).isPresent();
    } else {
      settled = settles.complete(row.claim());
    }
    if (!settled) {
      LOG.warning(() -> "Outbox row " + row.id() + " was taken over before it could be settled");
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
    settles.complete(row.claim());
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

  /** The dead letter's op: for http rows the request's method. */
  private static String op(ClaimedRow row) {
    return Json.createReader(new StringReader(row.payloadJson()))
        .readObject()
        .getJsonObject("request")
        .getString("method");
  }
}
