package dev.picloud.users.boundary;

import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.users.control.PasswordHasher;
import dev.picloud.users.control.UserRules;
import dev.picloud.users.entity.InstanceRole;
import dev.picloud.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users facade: creation, lookup and the owner's changes to accounts. */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class Users {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<UserAccessChanged> deactivated;

  /** Fired when a user is deactivated or gets a new password: their sessions must end. */
  public record UserAccessChanged(UUID userId) {}

  public UserView create(CreateUser command) {
    String username = UserRules.username(command.username());
    String hash = PasswordHasher.hash(UserRules.password(command.password()));
    InstanceRole role =
        command.instanceRole() == null
            ? InstanceRole.MEMBER
            : UserRules.role(command.instanceRole());
    if (findByUsername(username).isPresent()) {
      throw ApiException.conflict("username_taken", "The username '" + username + "' is taken.");
    }
    User user = new User(username, hash, role, clock.instant());
    em.persist(user);
    return UserView.of(user);
  }

  public List<UserView> list() {
    return em.createNamedQuery(User.ALL, User.class).getResultList().stream()
        .map(UserView::of)
        .toList();
  }

  public Optional<User> find(UUID id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public Optional<User> findByUsername(String username) {
    return em.createNamedQuery(User.BY_USERNAME, User.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public UserView update(UUID id, UpdateUser command) {
    User user = find(id).orElseThrow(() -> ApiException.notFound("User"));
    var now = clock.instant();
    if (command.password() != null) {
      user.changePassword(PasswordHasher.hash(UserRules.password(command.password())), now);
    }
    if (command.instanceRole() != null) {
      user.changeRole(UserRules.role(command.instanceRole()), now);
    }
    if (command.isActive() != null) {
      user.changeActive(command.isActive(), now);
    }
    em.flush();
    if (countActiveOwners() == 0) {
      throw ApiException.conflict(
          "last_owner", "The instance must keep at least one active owner.");
    }
    if (!user.active() || command.password() != null) {
      deactivated.fire(new UserAccessChanged(user.id()));
    }
    return UserView.of(user);
  }

  /**
   * Creates the first owner when there are no users at all, running {@code beforeCommit} inside the
   * transaction (a failure there leaves no owner behind); false when users already exist.
   */
  public boolean createFirstOwner(String username, String password, Runnable beforeCommit) {
    long users = em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    if (users > 0) {
      return false;
    }
    em.persist(
        new User(username, PasswordHasher.hash(password), InstanceRole.OWNER, clock.instant()));
    em.flush();
    beforeCommit.run();
    return true;
  }

  private long countActiveOwners() {
    return em.createNamedQuery(User.COUNT_ACTIVE_OWNERS, Long.class).getSingleResult();
  }
}
