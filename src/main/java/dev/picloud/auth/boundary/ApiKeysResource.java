package dev.picloud.auth.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The caller's own API keys. */
@Path("api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {
  @Inject ApiKeys keys;
  @Inject CurrentCaller caller;

  @GET
  public List<ApiKeyView> list() {
    return keys.list(caller.get());
  }

  @POST
  public Response create(CreateApiKey command) {
    NewApiKeyView key = keys.create(caller.get(), command);
    return Response.created(URI.create("/api/v1/admin/api-keys/" + key.id()))
        .entity(key)
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") UUID id) {
    keys.revoke(caller.get(), id);
    return Response.noContent().build();
  }
}
