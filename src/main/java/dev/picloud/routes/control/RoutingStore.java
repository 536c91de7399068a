package dev.picloud.routes.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads what the data plane compiles: apps' routing versions, hosts, and one app's routes. */
@ApplicationScoped
public class RoutingStore {
  private static final String ROUTES =
      """
      SELECT r.id, r.script_id, r.host, r.method, r.path_kind, r.path, r.dispatch_mode,
             s.timeout_seconds
      FROM routes r JOIN scripts s ON s.id = r.script_id
      WHERE r.app_id = ?
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** An app's slug and routing version. */
  public record AppVersion(UUID appId, String slug, long routingVersion) {}

  /** A route with its script's timeout (NULL: the platform default). */
  public record RouteRow(RouteDefinition definition, Integer timeoutSeconds) {}

  public List<AppVersion> appVersions() {
    return Jdbc.query(
        dataSource,
        "SELECT id, slug, routing_version FROM apps",
        row -> new AppVersion(row.getObject(1, UUID.class), row.getString(2), row.getLong(3)));
  }

  /** Every claimed host and the app it belongs to. */
  public Map<String, UUID> domains() {
    Map<String, UUID> domains = new HashMap<>();
    Jdbc.query(
        dataSource,
        "SELECT host, app_id FROM app_domains",
        row -> domains.put(row.getString(1), row.getObject(2, UUID.class)));
    return domains;
  }

  public List<RouteRow> routes(UUID appId) {
    return Jdbc.query(
        dataSource,
        ROUTES,
        row ->
            new RouteRow(
                new RouteDefinition(
                    row.getObject(1, UUID.class),
                    row.getObject(2, UUID.class),
                    row.getString(3),
                    row.getString(4),
                    RouteKind.parse(row.getString(5)),
                    row.getString(6),
                    row.getString(7)),
                (Integer) row.getObject(8)),
        appId);
  }
}
