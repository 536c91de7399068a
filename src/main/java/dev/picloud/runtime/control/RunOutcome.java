package dev.picloud.runtime.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended. A success carries the response; a failure its error text (for a script error the
 * script's message and line) and, for a timeout or budget, which limit was hit. Logs are captured
 * in both cases, capped at the run's log limit ({@code logTruncated} then says so).
 */
public record RunOutcome(
    RunStatus status,
    Optional<ScriptResponse> response,
    List<LogLine> logs,
    boolean logTruncated,
    Optional<String> error,
    Optional<Budget> exceeded,
    Duration duration) {
  public RunOutcome {
    logs = List.copyOf(logs);
  }

  static RunOutcome success(
      ScriptResponse response, List<LogLine> logs, boolean logTruncated, Duration duration) {
    return new RunOutcome(
        RunStatus.SUCCESS,
        Optional.of(response),
        logs,
        logTruncated,
        Optional.empty(),
        Optional.empty(),
        duration);
  }

  static RunOutcome failure(
      RunStatus status, String error, List<LogLine> logs, boolean logTruncated, Duration duration) {
    return new RunOutcome(
        status,
        Optional.empty(),
        logs,
        logTruncated,
        Optional.of(error),
        Optional.empty(),
        duration);
  }

  static RunOutcome exceeded(
      Budget budget, String error, List<LogLine> logs, boolean logTruncated, Duration duration) {
    return new RunOutcome(
        budget.status(),
        Optional.empty(),
        logs,
        logTruncated,
        Optional.of(error),
        Optional.of(budget),
        duration);
  }
}
