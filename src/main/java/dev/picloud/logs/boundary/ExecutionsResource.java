package dev.picloud.logs.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.auth.control.Capability;
import dev.picloud.logs.control.ExecutionLog;
import dev.picloud.logs.control.ExecutionLogStore;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import dev.picloud.platform.control.KeysetCursor;
import dev.picloud.platform.control.Page;
import dev.picloud.platform.control.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Execution logs of one app, newest first (needs log:read / viewer). */
@Path("api/v1/admin/apps/{app}/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionsResource {
  private static final Set<String> STATUSES =
      Set.of("success", "error", "timeout", "budget_exceeded", "overloaded");

  @Inject AppAccess access;
  @Inject ExecutionLogStore store;
  @Inject CurrentCaller caller;

  @GET
  public Page<ExecutionView> list(
      @PathParam("app") String appRef,
      @QueryParam("script") String script,
      @QueryParam("status") String status,
      @QueryParam("root") String root,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    App app = access.require(caller.get(), appRef, Capability.READ_LOGS);
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.invalid("status", "status must be one of " + STATUSES + ".");
    }
    int size = PageRequest.of(limit, null).limit();
    List<ExecutionLog> rows =
        store.list(
            app.id(),
            new ExecutionLogStore.Filter(uuid("script", script), status, uuid("root", root)),
            cursor == null ? null : KeysetCursor.decode(cursor),
            size + 1);
    return KeysetCursor.page(rows, size, row -> new KeysetCursor(row.createdAt(), row.id()))
        .map(ExecutionView::of);
  }

  private static UUID uuid(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!Ids.isUuid(value)) {
      throw ApiException.invalid(name, name + " must be a UUID.");
    }
    return UUID.fromString(value);
  }

  @GET
  @Path("{execution}")
  public ExecutionView get(@PathParam("app") String appRef, @PathParam("execution") UUID id) {
    App app = access.require(caller.get(), appRef, Capability.READ_LOGS);
    return store
        .find(app.id(), id)
        .map(ExecutionView::of)
        .orElseThrow(() -> ApiException.notFound("Execution"));
  }
}
