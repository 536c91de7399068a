package dev.picloud.outbox.control;

import java.util.UUID;

/**
 * A row recovery acted on, for the caller to log and count: {@code node} is the node that held it
 * (null for an orphaned sync row nobody had claimed), {@code attemptCount} the attempts used so
 * far.
 */
public record Rescued(
    UUID id, UUID appId, UUID executionId, String node, int attemptCount, Outcome outcome) {

  /** What happened to the row. */
  public enum Outcome {
    /** An async row back in the queue, due at once, with {@code worker_lost} in its history. */
    REQUEUED,
    /** A sync row deleted without running: its caller was connected to the lost node. */
    DROPPED
  }
}
