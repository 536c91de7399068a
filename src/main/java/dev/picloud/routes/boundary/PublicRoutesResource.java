package dev.picloud.routes.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Everything the platform does not serve itself goes to the apps' routes (SPEC 1.4). JAX-RS picks a
 * platform resource whenever its path matches, so this catch-all only sees the rest.
 */
@Path("{path: .*}")
public class PublicRoutesResource {
  @Inject Ingress ingress;
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public void get(InputStream body, @Suspended AsyncResponse async) {
    handle("GET", body, async);
  }

  @POST
  @Operation(hidden = true)
  public void post(InputStream body, @Suspended AsyncResponse async) {
    handle("POST", body, async);
  }

  @PUT
  @Operation(hidden = true)
  public void put(InputStream body, @Suspended AsyncResponse async) {
    handle("PUT", body, async);
  }

  @PATCH
  @Operation(hidden = true)
  public void patch(InputStream body, @Suspended AsyncResponse async) {
    handle("PATCH", body, async);
  }

  @DELETE
  @Operation(hidden = true)
  public void delete(InputStream body, @Suspended AsyncResponse async) {
    handle("DELETE", body, async);
  }

  @HEAD
  @Operation(hidden = true)
  public void head(InputStream body, @Suspended AsyncResponse async) {
    handle("HEAD", body, async);
  }

  @OPTIONS
  @Operation(hidden = true)
  public void options(InputStream body, @Suspended AsyncResponse async) {
    handle("OPTIONS", body, async);
  }

  private void handle(String method, InputStream body, AsyncResponse async) {
    var request =
        new PublicRequest(
            method,
            uri.getRequestUri().getRawPath(),
            headers.getHeaderString(HttpHeaders.HOST),
            headers.getRequestHeaders(),
            uri.getQueryParameters(),
            body,
            headers.getLength(),
            headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    ingress.handle(request, async);
  }
}
