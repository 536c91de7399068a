package dev.picloud.apps.boundary;

import dev.picloud.apps.control.DomainHosts;
import dev.picloud.apps.entity.App;
import dev.picloud.apps.entity.AppDomain;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The host names apps serve. A host belongs to at most one app. */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Domains {
  @PersistenceContext EntityManager em;
  @Inject AppAccess access;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<RoutingChanged> changed;

  public List<DomainView> list(Caller caller, String appRef) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return em.createNamedQuery(AppDomain.OF_APP, AppDomain.class)
        .setParameter("app", app.id())
        .getResultStream()
        .map(DomainView::of)
        .toList();
  }

  public DomainView add(Caller caller, String appRef, AddDomain command) {
    App app = access.require(caller, appRef, Capability.MANAGE_DOMAINS);
    String host = DomainHosts.normalise(command.host(), settings.baseDomain());
    boolean claimed =
        em.createNamedQuery(AppDomain.BY_HOST, AppDomain.class)
            .setParameter("host", host)
            .getResultStream()
            .findAny()
            .isPresent();
    if (claimed) {
      throw ApiException.conflict("host_claimed", "The host '" + host + "' is already claimed.");
    }
    AppDomain domain = new AppDomain(app.id(), host, clock.instant());
    em.persist(domain);
    routingChanged(app);
    return DomainView.of(domain);
  }

  public void remove(Caller caller, String appRef, UUID domainId) {
    App app = access.require(caller, appRef, Capability.MANAGE_DOMAINS);
    AppDomain domain = em.find(AppDomain.class, domainId);
    if (domain == null || !domain.appId().equals(app.id())) {
      throw ApiException.notFound("Domain");
    }
    em.remove(domain);
    routingChanged(app);
  }

  private void routingChanged(App app) {
    app.routingChanged(clock.instant());
    changed.fire(new RoutingChanged(app.id()));
  }
}
