package dev.picloud.platform.boundary;

import dev.picloud.platform.control.Problem;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; every error the API answers goes through here. */
public final class Problems {
  private Problems() {}

  public static Response.ResponseBuilder response(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .entity(problem);
  }
}
