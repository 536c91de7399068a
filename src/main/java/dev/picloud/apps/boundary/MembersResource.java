package dev.picloud.apps.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Members are addressed by user id or username. */
@Path("api/v1/admin/apps/{app}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {
  @Inject Members members;
  @Inject CurrentCaller caller;

  @GET
  public List<MemberView> list(@PathParam("app") String app) {
    return members.list(caller.get(), app);
  }

  @PUT
  @Path("{user}")
  public Response put(
      @PathParam("app") String app, @PathParam("user") String user, PutMember command) {
    Members.Put result = members.put(caller.get(), app, user, command);
    return Response.status(result.created() ? 201 : 200).entity(result.member()).build();
  }

  @DELETE
  @Path("{user}")
  public Response remove(@PathParam("app") String app, @PathParam("user") String user) {
    members.remove(caller.get(), app, user);
    return Response.noContent().build();
  }
}
