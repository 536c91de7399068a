package dev.picloud.deadletters.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.platform.control.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** {@code /apps/{app}/dead_letters}: list, count, detail, replay and resolve, one or in bulk. */
@Path("api/v1/admin/apps/{app}/dead_letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {
  @Inject DeadLetters deadLetters;
  @Inject BulkDeadLetters bulk;
  @Inject CurrentCaller caller;

  @GET
  public Page<DeadLetterView> list(@PathParam("app") String app, @BeanParam DeadLetterQuery query) {
    return deadLetters.list(caller.get(), app, query);
  }

  @GET
  @Path("count")
  public DeadLetterCountView count(@PathParam("app") String app) {
    return deadLetters.count(caller.get(), app);
  }

  @GET
  @Path("{dead_letter}")
  public DeadLetterView get(@PathParam("app") String app, @PathParam("dead_letter") UUID id) {
    return deadLetters.get(caller.get(), app, id);
  }

  /** 202: the event is enqueued again; Location leads to the new execution's log. */
  @POST
  @Path("{dead_letter}/replay")
  public Response replay(@PathParam("app") String app, @PathParam("dead_letter") UUID id) {
    ReplayView replay = deadLetters.replay(caller.get(), app, id);
    URI location = URI.create("/api/v1/admin/apps/" + app + "/executions/" + replay.executionId());
    return Response.accepted(replay).location(location).build();
  }

  @POST
  @Path("{dead_letter}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeadLetterView resolve(
      @PathParam("app") String app, @PathParam("dead_letter") UUID id, ResolveDeadLetter command) {
    return deadLetters.resolve(caller.get(), app, id, command.reason(), command.note());
  }

  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replayAll(@PathParam("app") String app, ReplayDeadLetters command) {
    return Response.accepted(bulk.replay(caller.get(), app, command)).build();
  }

  @POST
  @Path("resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public BulkResultView resolveAll(@PathParam("app") String app, ResolveDeadLetters command) {
    return bulk.resolve(caller.get(), app, command);
  }
}
