package dev.picloud.routes.boundary;

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

@Path("api/v1/admin/apps/{app}/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutesResource {
  @Inject Routes routes;
  @Inject CurrentCaller caller;

  @GET
  public List<RouteView> list(@PathParam("app") String app) {
    return routes.list(caller.get(), app);
  }

  @POST
  public Response create(@PathParam("app") String app, CreateRoute command) {
    RouteView route = routes.create(caller.get(), app, command);
    URI location = URI.create("/api/v1/admin/apps/" + route.appId() + "/routes/" + route.id());
    return Response.created(location).entity(route).build();
  }

  @GET
  @Path("{route}")
  public RouteView get(@PathParam("app") String app, @PathParam("route") UUID route) {
    return routes.get(caller.get(), app, route);
  }

  @PATCH
  @Path("{route}")
  public RouteView update(
      @PathParam("app") String app, @PathParam("route") UUID route, UpdateRoute command) {
    return routes.update(caller.get(), app, route, command);
  }

  @DELETE
  @Path("{route}")
  public Response delete(@PathParam("app") String app, @PathParam("route") UUID route) {
    routes.delete(caller.get(), app, route);
    return Response.noContent().build();
  }
}
