package dev.picloud.outbox.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.kv.boundary.KvChangeContext;
import dev.picloud.kv.control.KvSession;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.RetryPolicy;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.scripts.boundary.ScriptRuns;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.util.Optional;
import java.util.UUID;

/**
 * What a claimed row will run, or why it will not: the script and the run's spec, its execution log
 * identity, the retry policy at dispatch time and, for a dead-letter handler row, the dead letter
 * it handles. {@code refusal} set means: do not run, record the reason.
 */
record RowPlan(
    RunnableScript script,
    ScriptRuns.RunSpec spec,
    RunLogs.RunOf log,
    RetryPolicy policy,
    Optional<UUID> handledDeadLetter,
    Optional<Refusal> refusal) {

  /** The run's KV session, whose writes commit with the row's settle. */
  KvSession session() {
    return spec.services().require(KvSession.class);
  }

  /** Where the run's writes sit in its chain: its root, its depth, who it acts for. */
  KvChangeContext changeContext(ClaimedRow row) {
    UUID principal = spec.principal().map(p -> ((Caller) p).userId()).orElse(null);
    return new KvChangeContext(row.rootExecutionId(), row.triggerDepth(), principal);
  }

  /**
   * Why a row is not run. A row whose trigger is gone or disabled is dropped (disabling a trigger
   * drops its waiting rows anyway); any other row becomes a dead letter an admin can replay once
   * the cause is fixed.
   */
  record Refusal(String reason, boolean drop) {}

  static RowPlan refused(RunLogs.RunOf log, Optional<UUID> handledDeadLetter, Refusal refusal) {
    return new RowPlan(null, null, log, null, handledDeadLetter, Optional.of(refusal));
  }

  RequestData request() {
    return spec == null ? RequestData.none() : spec.request();
  }

  boolean handler() {
    return handledDeadLetter.isPresent();
  }
}
