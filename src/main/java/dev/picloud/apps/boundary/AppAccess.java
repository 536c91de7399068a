package dev.picloud.apps.boundary;

import dev.picloud.apps.entity.App;
import dev.picloud.apps.entity.AppMember;
import dev.picloud.auth.control.AppRole;
import dev.picloud.auth.control.Authorizer;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the {@code {app}} of an app-scoped path (id or slug) for a caller who needs a
 * capability: an app that does not exist and one the caller may not see are the same 404; a visible
 * app without the capability is a 403.
 */
@ApplicationScoped
public class AppAccess {
  @PersistenceContext EntityManager em;

  public App require(Caller caller, String appRef, Capability capability) {
    App app = find(appRef).orElseThrow(AppAccess::notFound);
    return switch (Authorizer.decide(caller, capability, app.id(), membership(caller, app.id()))) {
      case ALLOW -> app;
      case HIDDEN -> throw notFound();
      case FORBIDDEN ->
          throw ApiException.forbidden(
              "This credential may not " + describe(capability) + " in this app.");
    };
  }

  public Optional<AppRole> membership(Caller caller, UUID appId) {
    AppMember member = em.find(AppMember.class, new AppMember.Key(appId, caller.userId()));
    return member == null ? Optional.empty() : AppRole.fromWire(member.role());
  }

  private Optional<App> find(String ref) {
    if (Ids.isUuid(ref)) {
      return Optional.ofNullable(em.find(App.class, UUID.fromString(ref)));
    }
    return em.createNamedQuery(App.BY_SLUG, App.class)
        .setParameter("slug", ref)
        .getResultStream()
        .findFirst();
  }

  private static ApiException notFound() {
    return ApiException.notFound("App");
  }

  private static String describe(Capability capability) {
    return switch (capability) {
      case ADMIN_INSTANCE -> "administer the instance";
      case READ_APP -> "read";
      case READ_LOGS -> "read execution logs";
      case WRITE_SCRIPTS -> "write scripts or data";
      case WRITE_ROUTES -> "write routes";
      case MANAGE_DOMAINS -> "manage domains";
      case ADMIN_APP -> "administer the app";
    };
  }
}
