package dev.picloud.runtime.control;

/**
 * How a run ended, with the HTTP status and problem {@code code} of SPEC 5.7. A success answers
 * with the script's own status code; its {@code httpStatus} here is only the default.
 */
public enum RunStatus {
  SUCCESS(200, "success"),
  SCRIPT_ERROR(502, "script_error"),
  TIMEOUT(504, "script_timeout"),
  BUDGET_EXCEEDED(507, "budget_exceeded"),
  INVALID_RESPONSE(422, "invalid_response");

  private final int httpStatus;
  private final String code;

  RunStatus(int httpStatus, String code) {
    this.httpStatus = httpStatus;
    this.code = code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }
}
