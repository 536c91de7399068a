package dev.picloud.apps.boundary;

import dev.picloud.apps.control.AppRules;
import dev.picloud.apps.control.Slugs;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Authorizer;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.auth.control.Scope;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.Page;
import dev.picloud.platform.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The apps facade: create, list what the caller may see, read, change and delete apps. */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Apps {
  /** The scripts feature's named count query (by name, so apps does not depend on scripts). */
  private static final String SCRIPTS_OF_APP = "Script.countOfApp";

  @PersistenceContext EntityManager em;
  @Inject AppAccess access;
  @Inject Clock clock;
  @Inject Event<RoutingChanged> changed;

  public AppView create(Caller caller, CreateApp command) {
    if (Authorizer.decideInstance(caller, Capability.ADMIN_INSTANCE) != Authorizer.Decision.ALLOW) {
      throw ApiException.forbidden("Only owners (keys with instance:admin) create apps.");
    }
    String slug = Slugs.require(command.slug());
    String name = AppRules.name(command.name() == null ? slug : command.name());
    requireFreeSlug(slug);
    App app = new App(slug, name, AppRules.description(command.description()), clock.instant());
    em.persist(app);
    return AppView.of(app);
  }

  public Page<AppView> list(Caller caller, PageRequest page) {
    if (!caller.hasScope(Scope.SCRIPT_READ)) {
      throw ApiException.forbidden("Listing apps needs the script:read scope.");
    }
    TypedQuery<App> query =
        caller.owner()
            ? em.createNamedQuery(App.ALL, App.class)
            : em.createNamedQuery(App.OF_MEMBER, App.class).setParameter("user", caller.userId());
    List<App> rows =
        query.setFirstResult(page.offset()).setMaxResults(page.limit() + 1).getResultList();
    if (caller.appBinding() != null) {
      rows = rows.stream().filter(app -> app.id().equals(caller.appBinding())).toList();
    }
    return page.page(rows).map(AppView::of);
  }

  public AppView get(Caller caller, String appRef) {
    return AppView.of(access.require(caller, appRef, Capability.READ_APP));
  }

  public AppView update(Caller caller, String appRef, UpdateApp command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    String slug = app.slug();
    if (command.slug().present()) {
      slug = Slugs.require(command.slug().value());
      if (!slug.equals(app.slug())) {
        requireFreeSlug(slug);
      }
    }
    String name = command.name().present() ? AppRules.name(command.name().value()) : app.name();
    String description =
        command.description().present()
            ? AppRules.description(command.description().value())
            : app.description();
    boolean slugChanged = !slug.equals(app.slug());
    app.rename(slug, name, description, clock.instant());
    if (slugChanged) {
      changed.fire(new RoutingChanged(app.id()));
    }
    return AppView.of(app);
  }

  /**
   * Deletes the app and everything it owns. An app with scripts is only deleted with {@code
   * cascade} (the caller's confirmation that the scripts go too).
   */
  public void delete(Caller caller, String appRef, boolean cascade) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    long scripts =
        em.createNamedQuery(SCRIPTS_OF_APP, Long.class)
            .setParameter("app", app.id())
            .getSingleResult();
    if (scripts > 0 && !cascade) {
      throw ApiException.conflict(
          "app_not_empty", "The app has " + scripts + " scripts; delete with ?cascade=true.");
    }
    em.remove(app);
  }

  private void requireFreeSlug(String slug) {
    boolean taken =
        em.createNamedQuery(App.BY_SLUG, App.class)
            .setParameter("slug", slug)
            .getResultStream()
            .anyMatch(Objects::nonNull);
    if (taken) {
      throw ApiException.conflict("slug_taken", "The slug '" + slug + "' is taken.");
    }
  }
}
