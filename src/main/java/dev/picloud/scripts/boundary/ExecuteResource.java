package dev.picloud.scripts.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.platform.control.JsonBodies;
import dev.picloud.platform.control.Settings;
import dev.picloud.scripts.control.RequestDecoder;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Direct execution (SPEC 5.6): the dashboard's Run button and API clients. */
@Path("api/v1/execute/{scriptId}")
public class ExecuteResource {
  /** The caller's own credentials are never handed to the script. */
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie");

  @Inject DirectExecution execution;
  @Inject CurrentCaller caller;
  @Inject Settings settings;

  @POST
  @Consumes(MediaType.WILDCARD)
  public void execute(
      @PathParam("scriptId") UUID scriptId,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body,
      @Suspended AsyncResponse async)
      throws IOException {
    byte[] bytes = JsonBodies.readCapped(body, headers.getLength(), settings.maxBodyBytes());
    var http =
        new RequestDecoder.HttpRequest(
            "POST",
            uri.getPath(),
            scriptHeaders(headers),
            uri.getQueryParameters(),
            bytes,
            headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    execution.execute(caller.get(), scriptId, http, async);
  }

  private static Map<String, List<String>> scriptHeaders(HttpHeaders headers) {
    Map<String, List<String>> visible = new LinkedHashMap<>();
    headers
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                visible.put(name, values);
              }
            });
    return visible;
  }
}
