package dev.picloud.apps.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.platform.control.Page;
import dev.picloud.platform.control.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("api/v1/admin/apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppsResource {
  @Inject Apps apps;
  @Inject CurrentCaller caller;

  @GET
  public Page<AppView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return apps.list(caller.get(), PageRequest.of(limit, cursor));
  }

  @POST
  public Response create(CreateApp command) {
    AppView app = apps.create(caller.get(), command);
    return Response.created(URI.create("/api/v1/admin/apps/" + app.id())).entity(app).build();
  }

  @GET
  @Path("{app}")
  public AppView get(@PathParam("app") String app) {
    return apps.get(caller.get(), app);
  }

  @PATCH
  @Path("{app}")
  public AppView update(@PathParam("app") String app, UpdateApp command) {
    return apps.update(caller.get(), app, command);
  }

  @DELETE
  @Path("{app}")
  public Response delete(@PathParam("app") String app, @QueryParam("cascade") boolean cascade) {
    apps.delete(caller.get(), app, cascade);
    return Response.noContent().build();
  }
}
