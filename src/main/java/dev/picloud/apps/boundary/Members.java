package dev.picloud.apps.boundary;

import dev.picloud.apps.entity.App;
import dev.picloud.apps.entity.AppMember;
import dev.picloud.auth.control.AppRole;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.Ids;
import dev.picloud.users.boundary.Users;
import dev.picloud.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who may do what in an app: viewer ⊂ editor ⊂ app_admin. */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Members {
  @PersistenceContext EntityManager em;
  @Inject AppAccess access;
  @Inject Users users;
  @Inject Clock clock;

  /** The result of a PUT: the membership and whether it is new. */
  public record Put(MemberView member, boolean created) {}

  /** A membership seen from the user's side, for {@code /auth/me}. */
  public record Membership(UUID appId, String appSlug, String role) {}

  public List<MemberView> list(Caller caller, String appRef) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return em.createNamedQuery(AppMember.OF_APP, AppMember.class)
        .setParameter("app", app.id())
        .getResultStream()
        .map(member -> view(member, users.find(member.userId()).map(User::username).orElse(null)))
        .toList();
  }

  public Put put(Caller caller, String appRef, String userRef, PutMember command) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    String role =
        AppRole.fromWire(command.role() == null ? "" : command.role())
            .orElseThrow(
                () -> ApiException.invalid("role", "role must be viewer, editor or app_admin."))
            .wire();
    User user = findUser(userRef).orElseThrow(() -> ApiException.notFound("User"));
    AppMember existing = em.find(AppMember.class, new AppMember.Key(app.id(), user.id()));
    if (existing != null) {
      existing.changeRole(role, clock.instant());
      return new Put(view(existing, user.username()), false);
    }
    AppMember member = new AppMember(app.id(), user.id(), role, clock.instant());
    em.persist(member);
    return new Put(view(member, user.username()), true);
  }

  public void remove(Caller caller, String appRef, String userRef) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    AppMember member =
        findUser(userRef)
            .map(user -> em.find(AppMember.class, new AppMember.Key(app.id(), user.id())))
            .orElseThrow(() -> ApiException.notFound("Member"));
    em.remove(member);
  }

  public List<Membership> membershipsOf(UUID userId) {
    return em.createNamedQuery(AppMember.OF_USER, AppMember.class)
        .setParameter("user", userId)
        .getResultStream()
        .map(m -> new Membership(m.appId(), em.find(App.class, m.appId()).slug(), m.role()))
        .toList();
  }

  private Optional<User> findUser(String ref) {
    return Ids.isUuid(ref) ? users.find(UUID.fromString(ref)) : users.findByUsername(ref);
  }

  private static MemberView view(AppMember member, String username) {
    return new MemberView(member.userId(), username, member.role(), member.createdAt());
  }
}
