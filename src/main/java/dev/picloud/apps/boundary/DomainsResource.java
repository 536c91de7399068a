package dev.picloud.apps.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
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

@Path("api/v1/admin/apps/{app}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainsResource {
  @Inject Domains domains;
  @Inject CurrentCaller caller;

  @GET
  public List<DomainView> list(@PathParam("app") String app) {
    return domains.list(caller.get(), app);
  }

  @POST
  public Response add(@PathParam("app") String app, AddDomain command) {
    DomainView domain = domains.add(caller.get(), app, command);
    URI location = URI.create("/api/v1/admin/apps/" + domain.appId() + "/domains/" + domain.id());
    return Response.created(location).entity(domain).build();
  }

  @DELETE
  @Path("{domain}")
  public Response remove(@PathParam("app") String app, @PathParam("domain") UUID domain) {
    domains.remove(caller.get(), app, domain);
    return Response.noContent().build();
  }
}
