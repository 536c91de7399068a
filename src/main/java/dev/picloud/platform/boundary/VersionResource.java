package dev.picloud.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code GET /version}: what is running, for clients that need to know what they talk to. */
@Path("version")
public class VersionResource {
  /** The script SDK version scripts see as {@code ctx.sdkVersion}. */
  public static final String SDK = "1.0";

  public static final String API = "1";
  private static final String PRODUCT = readProductVersion();

  @Inject DatabaseState state;

  /** The running versions; {@code schema} is absent until the migrations applied. */
  public record VersionView(String product, String sdk, String api, Integer schema) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public VersionView version() {
    var schema = state.schemaVersion();
    return new VersionView(PRODUCT, SDK, API, schema.isPresent() ? schema.getAsInt() : null);
  }

  private static String readProductVersion() {
    try (InputStream in =
        VersionResource.class.getResourceAsStream("/dev/picloud/platform/version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("product");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
