package dev.picloud.scripts.boundary;

import dev.picloud.platform.boundary.Problems;
import dev.picloud.platform.control.Problem;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.ScriptResponse;
import jakarta.ws.rs.core.Response;

/**
 * SPEC 5.7: a run's outcome as the HTTP answer. A script's own status (even a 500) is a success for
 * the platform; platform failures are problem+json with the status and code of the table.
 */
public final class RunResponses {
  private RunResponses() {}

  public static Response of(RunOutcome outcome) {
    if (outcome.status() == RunStatus.SUCCESS) {
      return success(outcome.response().orElseThrow());
    }
    String detail = outcome.error().orElse(outcome.status().code());
    String title =
        outcome
            .exceeded()
            .map(b -> "Budget exceeded: " + b.label())
            .orElse(title(outcome.status()));
    Problem problem =
        Problem.of(outcome.status().httpStatus(), outcome.status().code(), title, detail);
    return Problems.response(problem).build();
  }

  /** The script succeeded but its writes lost a race: a key it had read changed meanwhile. */
  public static Response conflict(String detail) {
    Problem problem = Problem.of(409, "kv_conflict", "Conflict", detail);
    return Problems.response(problem).build();
  }

  public static Response overloaded() {
    Problem problem =
        Problem.of(503, "overloaded", "Overloaded", "No execution slot is free; retry shortly.");
    return Problems.response(problem).header("Retry-After", "1").build();
  }

  private static Response success(ScriptResponse response) {
    Response.ResponseBuilder builder = Response.status(response.status());
    response
        .headers()
        .forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    response.contentType().ifPresent(builder::type);
    if (response.body().length > 0) {
      builder.entity(response.body());
    }
    return builder.build();
  }

  private static String title(RunStatus status) {
    return switch (status) {
      case SCRIPT_ERROR -> "Script error";
      case TIMEOUT -> "Script timeout";
      case BUDGET_EXCEEDED -> "Budget exceeded";
      case INVALID_RESPONSE -> "Invalid response";
      case SUCCESS -> "Success";
    };
  }
}
