package dev.picloud.routes.boundary;

import dev.picloud.apps.boundary.RoutingChanged;
import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.platform.control.Settings;
import dev.picloud.routes.control.HostTable;
import dev.picloud.routes.control.RouteTable;
import dev.picloud.routes.control.RoutingStore;
import dev.picloud.routes.control.RoutingStore.AppVersion;
import dev.picloud.routes.control.RoutingStore.RouteRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's compiled routing: the host table of all apps and, per app, its route table with its
 * scripts' timeouts. Each app's table is compiled on first use and thrown away when the app's
 * {@code routing_version} moves — at once for changes made on this node, within a heartbeat ({@link
 * #refresh}) for changes made on another.
 */
@ApplicationScoped
public class RouteTables {
  @Inject RoutingStore store;
  @Inject Settings settings;

  private volatile Snapshot snapshot;
  private final Map<UUID, AppRouting> apps = new ConcurrentHashMap<>();

  /** An app's compiled routes, the version they were built from, and their scripts' timeouts. */
  public record AppRouting(long version, RouteTable table, Map<UUID, Integer> timeouts) {}

  private record Snapshot(HostTable hosts, Map<UUID, Long> versions) {}

  /** The app serving this Host header, if any. */
  public Optional<UUID> appFor(String hostHeader) {
    return current().hosts().resolve(hostHeader);
  }

  public AppRouting routing(UUID appId) {
    long version = current().versions().getOrDefault(appId, -1L);
    AppRouting cached = apps.get(appId);
    if (cached != null && cached.version() == version) {
      return cached;
    }
    List<RouteRow> rows = store.routes(appId);
    Map<UUID, Integer> timeouts = new HashMap<>();
    rows.forEach(row -> timeouts.put(row.definition().scriptId(), row.timeoutSeconds()));
    AppRouting compiled =
        new AppRouting(
            version, RouteTable.of(rows.stream().map(RouteRow::definition).toList()), timeouts);
    apps.put(appId, compiled);
    return compiled;
  }

  void onDatabaseReady(@Observes DatabaseReady ready) {
    refresh();
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingChanged change) {
    refresh();
  }

  /** Re-reads the apps' routing versions; rebuilds what moved. Cheap when nothing did. */
  public synchronized void refresh() {
    List<AppVersion> versions = store.appVersions();
    Map<UUID, Long> byApp = new HashMap<>();
    Map<String, UUID> slugs = new HashMap<>();
    for (AppVersion app : versions) {
      byApp.put(app.appId(), app.routingVersion());
      slugs.put(app.slug(), app.appId());
    }
    Snapshot old = snapshot;
    if (old != null && old.versions().equals(byApp)) {
      return;
    }
    snapshot =
        new Snapshot(
            new HostTable(store.domains(), slugs, settings.baseDomain()), Map.copyOf(byApp));
    apps.keySet().removeIf(appId -> !byApp.containsKey(appId));
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null) {
      refresh();
      current = snapshot;
    }
    return current;
  }
}
