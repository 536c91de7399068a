package dev.picloud.triggers.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.triggers.control.TriggerKind;
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

/** Triggers of one app. There is deliberately no DELETE on the collection (405). */
@Path("api/v1/admin/apps/{app}/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggersResource {
  @Inject Triggers triggers;
  @Inject CurrentCaller caller;

  @GET
  public List<TriggerView> list(@PathParam("app") String app) {
    return triggers.list(caller.get(), app);
  }

  @POST
  @Path("kv")
  public Response createKv(@PathParam("app") String app, CreateDataTrigger command) {
    return created(triggers.createData(caller.get(), app, TriggerKind.KV, command));
  }

  @POST
  @Path("docs")
  public Response createDocs(@PathParam("app") String app, CreateDataTrigger command) {
    return created(triggers.createData(caller.get(), app, TriggerKind.DOCS, command));
  }

  @POST
  @Path("dead_letter")
  public Response createDeadLetter(@PathParam("app") String app, CreateDeadLetterTrigger command) {
    return created(triggers.createDeadLetter(caller.get(), app, command));
  }

  @GET
  @Path("{trigger}")
  public TriggerView get(@PathParam("app") String app, @PathParam("trigger") UUID trigger) {
    return triggers.get(caller.get(), app, trigger);
  }

  @PATCH
  @Path("{trigger}")
  public TriggerView update(
      @PathParam("app") String app, @PathParam("trigger") UUID trigger, UpdateTrigger command) {
    return triggers.update(caller.get(), app, trigger, command);
  }

  @DELETE
  @Path("{trigger}")
  public Response delete(@PathParam("app") String app, @PathParam("trigger") UUID trigger) {
    triggers.delete(caller.get(), app, trigger);
    return Response.noContent().build();
  }

  private static Response created(TriggerView trigger) {
    URI location =
        URI.create("/api/v1/admin/apps/" + trigger.appId() + "/triggers/" + trigger.id());
    return Response.created(location).entity(trigger).build();
  }
}
