package dev.picloud.users.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.auth.control.Authorizer;
import dev.picloud.auth.control.Capability;
import dev.picloud.platform.control.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** Owner-only user management. */
@Path("api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
  @Inject Users users;
  @Inject CurrentCaller caller;

  @GET
  public List<UserView> list() {
    requireOwner();
    return users.list();
  }

  @POST
  public Response create(CreateUser command) {
    requireOwner();
    UserView user = users.create(command);
    return Response.created(URI.create("/api/v1/admin/users/" + user.id())).entity(user).build();
  }

  @PATCH
  @Path("{id}")
  public UserView update(@PathParam("id") UUID id, UpdateUser command) {
    requireOwner();
    return users.update(id, command);
  }

  private void requireOwner() {
    if (Authorizer.decideInstance(caller.get(), Capability.ADMIN_INSTANCE)
        != Authorizer.Decision.ALLOW) {
      throw ApiException.forbidden("Only owners (keys with instance:admin) manage users.");
    }
  }
}
