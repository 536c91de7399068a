package dev.picloud.outbox.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.auth.control.Capability;
import dev.picloud.outbox.control.OutboxReads;
import dev.picloud.outbox.control.PendingRow;
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

/** {@code GET /apps/{app}/outbox}: the app's pending rows, oldest first. */
@Path("api/v1/admin/apps/{app}/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
  @Inject AppAccess access;
  @Inject OutboxReads reads;
  @Inject CurrentCaller caller;

  @GET
  public Page<OutboxRowView> pending(
      @PathParam("app") String appRef,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    App app = access.require(caller.get(), appRef, Capability.READ_APP);
    int size = PageRequest.of(limit, null).limit();
    OutboxReads.Position after = null;
    if (cursor != null) {
      KeysetCursor position = KeysetCursor.decode(cursor);
      after = new OutboxReads.Position(position.createdAt(), position.id());
    }
    List<PendingRow> rows = reads.pendingForApp(app.id(), after, size + 1);
    return KeysetCursor.page(rows, size, row -> new KeysetCursor(row.createdAt(), row.id()))
        .map(OutboxRowView::of);
  }
}
