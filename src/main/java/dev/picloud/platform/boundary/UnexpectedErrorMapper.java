package dev.picloud.platform.boundary;

import dev.picloud.platform.control.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure nobody anticipated: logged with an incident id, answered with that id and no details.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
    Problem problem =
        Problem.of(
                500, "internal", "Internal error", "Unexpected failure; incident " + incident + ".")
            .withIncident(incident);
    return Problems.response(problem).build();
  }
}
