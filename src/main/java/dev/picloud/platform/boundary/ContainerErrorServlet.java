package dev.picloud.platform.boundary;

import dev.picloud.platform.control.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of requests the web container refuses before JAX-RS (a path with encoded dots or
 * slashes, broken percent-encoding): a 400 problem+json instead of the container's HTML page. It
 * sits under the reserved {@code /api} prefix, so no app route can shadow it.
 */
@WebServlet("/api/error")
public class ContainerErrorServlet extends HttpServlet {
  private static final Jsonb JSON = JsonbProvider.JSONB;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 ? value : 400;
    Problem problem =
        status == 400
            ? Problem.of(
                400,
                "bad_path",
                "Bad request",
                "The request path is malformed or ambiguously encoded.")
            : ContainerErrorMapper.problemFor(status);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(JSON.toJson(problem));
  }
}
