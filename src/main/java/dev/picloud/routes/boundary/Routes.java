package dev.picloud.routes.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.boundary.RoutingChanged;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.PatchValue;
import dev.picloud.routes.control.RouteDefinition;
import dev.picloud.routes.control.RouteKind;
import dev.picloud.routes.control.RoutePattern;
import dev.picloud.routes.control.RouteRules;
import dev.picloud.routes.control.RouteTable;
import dev.picloud.routes.entity.Route;
import dev.picloud.scripts.entity.Script;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The routes facade. A route is checked by compiling the app's route table with it, so a stored set
 * of routes always compiles; every change bumps the app's routing version.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Routes {
  @PersistenceContext EntityManager em;
  @Inject AppAccess access;
  @Inject Clock clock;
  @Inject Event<RoutingChanged> changed;

  public List<RouteView> list(Caller caller, String appRef) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return routesOf(app).stream().map(RouteView::of).toList();
  }

  public RouteView get(Caller caller, String appRef, UUID routeId) {
    return RouteView.of(find(access.require(caller, appRef, Capability.READ_APP), routeId));
  }

  public RouteView create(Caller caller, String appRef, CreateRoute command) {
    App app = access.require(caller, appRef, Capability.WRITE_ROUTES);
    Route.Shape shape =
        validate(
            app,
            new Route.Shape(
                command.scriptId(),
                command.host(),
                command.method(),
                command.pathKind() == null ? "exact" : command.pathKind(),
                command.path(),
                command.dispatchMode()));
    Route route = new Route(app.id(), shape, clock.instant());
    requireCompiles(app, route.id(), shape);
    em.persist(route);
    routingChanged(app);
    return RouteView.of(route);
  }

  public RouteView update(Caller caller, String appRef, UUID routeId, UpdateRoute command) {
    App app = access.require(caller, appRef, Capability.WRITE_ROUTES);
    Route route = find(app, routeId);
    Route.Shape old = route.shape();
    Route.Shape shape =
        validate(
            app,
            new Route.Shape(
                or(command.scriptId(), old.scriptId()), or(command.host(), old.host()),
                or(command.method(), old.method()), or(command.pathKind(), old.pathKind()),
                or(command.path(), old.path()), or(command.dispatchMode(), old.dispatchMode())));
    requireCompiles(app, route.id(), shape);
    route.reshape(shape, clock.instant());
    routingChanged(app);
    return RouteView.of(route);
  }

  public void delete(Caller caller, String appRef, UUID routeId) {
    App app = access.require(caller, appRef, Capability.WRITE_ROUTES);
    em.remove(find(app, routeId));
    routingChanged(app);
  }

  private Route.Shape validate(App app, Route.Shape shape) {
    Script script = shape.scriptId() == null ? null : em.find(Script.class, shape.scriptId());
    if (script == null || !script.appId().equals(app.id())) {
      throw ApiException.invalid("script_id", "script_id must name a script of this app.");
    }
    RouteKind kind = RouteKind.parse(shape.pathKind());
    RoutePattern.parse(kind, shape.path());
    return new Route.Shape(
        shape.scriptId(),
        RouteRules.host(shape.host()),
        RouteRules.method(shape.method()),
        kind.wireName(),
        shape.path(),
        RouteRules.dispatchMode(shape.dispatchMode()));
  }

  /** Compiles the app's table with the candidate in place of its old self: 409 on a duplicate. */
  private void requireCompiles(App app, UUID routeId, Route.Shape candidate) {
    List<RouteDefinition> definitions = new ArrayList<>();
    for (Route existing : routesOf(app)) {
      if (!existing.id().equals(routeId)) {
        definitions.add(definition(existing.id(), existing.shape()));
      }
    }
    definitions.add(definition(routeId, candidate));
    RouteTable.of(definitions);
  }

  static RouteDefinition definition(UUID routeId, Route.Shape shape) {
    return new RouteDefinition(
        routeId,
        shape.scriptId(),
        shape.host(),
        shape.method(),
        RouteKind.parse(shape.pathKind()),
        shape.path(),
        shape.dispatchMode());
  }

  private List<Route> routesOf(App app) {
    return em.createNamedQuery(Route.OF_APP, Route.class)
        .setParameter("app", app.id())
        .getResultList();
  }

  private Route find(App app, UUID routeId) {
    Route route = em.find(Route.class, routeId);
    if (route == null || !route.appId().equals(app.id())) {
      throw ApiException.notFound("Route");
    }
    return route;
  }

  private void routingChanged(App app) {
    app.routingChanged(clock.instant());
    changed.fire(new RoutingChanged(app.id()));
  }

  private static <T> T or(PatchValue<T> patch, T current) {
    return patch.present() ? patch.value() : current;
  }
}
