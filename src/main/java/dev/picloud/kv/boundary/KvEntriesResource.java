package dev.picloud.kv.boundary;

import dev.picloud.auth.boundary.CurrentCaller;
import dev.picloud.platform.control.JsonBodies;
import dev.picloud.platform.control.Settings;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /apps/{app}/kv/{collection}[/{key}]}: list keys, read, write and delete entries; bodies
 * and answers are the bare JSON value. Segments arrive percent-decoded. The key is the rest of the
 * path, so its slashes are written raw; a raw {@code ;} starts matrix parameters and must be sent
 * as {@code %3B}. The container refuses {@code %2F}, {@code %23}, {@code %5C} and {@code %2E} (400
 * {@code bad_path}): collections with {@code /} and names with {@code #} or {@code \} are reachable
 * from scripts only.
 */
@Path("api/v1/admin/apps/{app}/kv/{collection}")
@Produces(MediaType.APPLICATION_JSON)
public class KvEntriesResource {
  @Inject KvEntries entries;
  @Inject CurrentCaller caller;
  @Inject Settings settings;

  @GET
  public KvKeysView list(
      @PathParam("app") String app,
      @PathParam("collection") String collection,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return entries.list(caller.get(), app, collection, cursor, limit);
  }

  @GET
  @Path("{key: .+}")
  public Response get(
      @PathParam("app") String app,
      @PathParam("collection") String collection,
      @PathParam("key") String key) {
    return json(entries.get(caller.get(), app, collection, key));
  }

  /** 201 when the key is new, 200 when it was replaced; either way the stored value. */
  @PUT
  @Path("{key: .+}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("app") String app,
      @PathParam("collection") String collection,
      @PathParam("key") String key,
      @Context HttpHeaders headers,
      InputStream body)
      throws IOException {
    byte[] bytes = JsonBodies.readCapped(body, headers.getLength(), settings.maxAdminBodyBytes());
    JsonValue value = JsonBodies.parse(JsonBodies.utf8(bytes));
    boolean created = entries.put(caller.get(), app, collection, key, value);
    return Response.status(created ? 201 : 200).entity(value.toString()).build();
  }

  @DELETE
  @Path("{key: .+}")
  public Response delete(
      @PathParam("app") String app,
      @PathParam("collection") String collection,
      @PathParam("key") String key) {
    entries.delete(caller.get(), app, collection, key);
    return Response.noContent().build();
  }

  /** A JSON value as its text: a bare string or number is a JSON document too. */
  private static Response json(JsonValue value) {
    return Response.ok(value.toString(), MediaType.APPLICATION_JSON).build();
  }
}
