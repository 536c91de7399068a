package dev.picloud.platform.boundary;

import dev.picloud.platform.control.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the container's own errors (no such path, wrong method, wrong content type …) the same
 * problem+json shape and stable codes as the API's.
 */
@Provider
public class ContainerErrorMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    Response.ResponseBuilder response = Problems.response(problemFor(status));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }

  static Problem problemFor(int status) {
    return switch (status) {
      case 404 -> Problem.of(404, "not_found", "Not found", "No resource at this path.");
      case 405 ->
          Problem.of(
              405,
              "method_not_allowed",
              "Method not allowed",
              "This path does not support the request method.");
      case 406 ->
          Problem.of(
              406,
              "not_acceptable",
              "Not acceptable",
              "This resource answers application/json only.");
      case 415 ->
          Problem.of(
              415,
              "unsupported_media_type",
              "Unsupported media type",
              "Send the request body as application/json.");
      case 413 ->
          Problem.of(
              413, "payload_too_large", "Payload too large", "The request body is too large.");
      default ->
          status >= 500
              ? Problem.of(status, "internal", "Internal error", "The server could not answer.")
              : Problem.of(status, "bad_request", "Bad request", "The request was not understood.");
    };
  }
}
