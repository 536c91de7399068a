package dev.picloud.platform.control;

/**
 * A failure the client caused or must know about, answered with its status and stable {@code code}.
 * Features throw the factory results; the boundary maps them to problem+json.
 */
public class ApiException extends RuntimeException implements ExpectedFailure {
  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ApiException badRequest(String code, String detail) {
    return new ApiException(Problem.of(400, code, "Bad request", detail));
  }

  public static ApiException unauthenticated() {
    return new ApiException(
        Problem.of(401, "unauthenticated", "Unauthenticated", "A valid credential is required."));
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  public static ApiException notFound(String what) {
    return new ApiException(Problem.of(404, "not_found", "Not found", what + " not found."));
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(Problem.of(409, code, "Conflict", detail));
  }

  public static ApiException invalid(String field, String detail) {
    return new ApiException(
        Problem.of(422, "validation_failed", "Validation failed", detail).withField(field));
  }

  public static ApiException invalidType(String field, String detail) {
    return new ApiException(Problem.of(422, "invalid_type", "Wrong type", detail).withField(field));
  }

  public static ApiException tooLarge(long limit) {
    return new ApiException(
        Problem.of(
            413,
            "payload_too_large",
            "Payload too large",
            "The request body exceeds " + limit + " bytes."));
  }
}
