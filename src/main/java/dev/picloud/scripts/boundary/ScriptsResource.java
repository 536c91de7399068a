package dev.picloud.scripts.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("api/v1/admin/apps/{app}/scripts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScriptsResource {
  @Inject Scripts scripts;
  @Inject CurrentCaller caller;

  @GET
  public List<ScriptView> list(@PathParam("app") String app) {
    return scripts.list(caller.get(), app);
  }

  @POST
  public Response create(@PathParam("app") String app, CreateScript command) {
    ScriptView script = scripts.create(caller.get(), app, command);
    URI location = URI.create("/api/v1/admin/apps/" + script.appId() + "/scripts/" + script.id());
    return Response.created(location).entity(script).build();
  }

  @GET
  @Path("{script}")
  public ScriptView get(@PathParam("app") String app, @PathParam("script") UUID script) {
    return scripts.get(caller.get(), app, script);
  }

  @PATCH
  @Path("{script}")
  public ScriptView update(
      @PathParam("app") String app, @PathParam("script") UUID script, UpdateScript command) {
    return scripts.update(caller.get(), app, script, command);
  }

  @DELETE
  @Path("{script}")
  public Response delete(@PathParam("app") String app, @PathParam("script") UUID script) {
    scripts.delete(caller.get(), app, script);
    return Response.noContent().build();
  }
}
