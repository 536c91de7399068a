package dev.picloud.platform.boundary;

import dev.picloud.platform.control.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database that cannot be reached is a 503 {@code backend_unavailable} the client may retry; any
 * other database failure is an unexpected 500 with an incident id.
 */
@Provider
public class DatabaseFailureMapper implements ExceptionMapper<RuntimeException> {
  private final UnexpectedErrorMapper unexpected = new UnexpectedErrorMapper();

  @Override
  public Response toResponse(RuntimeException failure) {
    if (isUnreachable(failure)) {
      Problem problem =
          Problem.of(
              503,
              "backend_unavailable",
              "Backend unavailable",
              "The database cannot be reached; retry shortly.");
      return Problems.response(problem).header("Retry-After", "5").build();
    }
    return unexpected.toResponse(failure);
  }

  /**
   * Anywhere in the cause chain (JPA and JTA wrap it): SQLSTATE class 08 (connection exception) or
   * a pool that could not hand out a connection.
   */
  private static boolean isUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
