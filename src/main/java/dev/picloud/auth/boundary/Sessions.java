package dev.picloud.auth.boundary;

import dev.picloud.auth.control.SessionStore;
import dev.picloud.auth.control.SessionToken;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Problem;
import dev.picloud.platform.control.Settings;
import dev.picloud.users.boundary.UserView;
import dev.picloud.users.boundary.Users;
import dev.picloud.users.control.PasswordHasher;
import dev.picloud.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Logging in and out. Password checks are deliberately slow (PBKDF2), so at most a few run at once:
 * a flood of logins queues briefly and is then turned away instead of starving the CPU.
 */
@ApplicationScoped
public class Sessions {
  private static final int CONCURRENT_PASSWORD_CHECKS = 2;
  private final Semaphore passwordChecks = new Semaphore(CONCURRENT_PASSWORD_CHECKS, true);

  @Inject Users users;
  @Inject SessionStore store;
  @Inject Settings settings;
  @Inject Clock clock;

  public SessionView login(Login login) {
    if (login.username() == null || login.password() == null) {
      throw ApiException.unauthenticated();
    }
    User user =
        verify(login.username(), login.password()).orElseThrow(ApiException::unauthenticated);
    SessionToken token = SessionToken.generate();
    Instant expiresAt = clock.instant().plus(settings.sessionTtl());
    store.insert(UUID.randomUUID(), user.id(), token.hash(), expiresAt);
    return new SessionView(token.token(), expiresAt, UserView.of(user));
  }

  public void logout(UUID sessionId) {
    store.delete(sessionId);
  }

  void endSessionsOf(@Observes Users.UserAccessChanged changed) {
    store.deleteForUser(changed.userId());
  }

  private Optional<User> verify(String username, String password) {
    acquirePasswordCheck();
    try {
      Optional<User> user = users.findByUsername(username).filter(User::active);
      if (user.isEmpty()) {
        PasswordHasher.verifyDecoy(password);
        return Optional.empty();
      }
      return PasswordHasher.verify(password, user.get().passwordHash()) ? user : Optional.empty();
    } finally {
      passwordChecks.release();
    }
  }

  private void acquirePasswordCheck() {
    try {
      if (passwordChecks.tryAcquire(10, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ApiException(
        Problem.of(
            429, "too_many_requests", "Too many requests", "Too many logins at once; retry."));
  }
}
