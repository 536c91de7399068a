package dev.picloud.deadletters.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.platform.control.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What the script SDK's {@code deadLetters} module calls: replay or resolve a dead letter of the
 * invocation's app as the run's principal, under the admin API's rules (ADMIN_APP: an owner or an
 * app_admin member; a key also needs app:admin and, if bound, this app). A run without a principal
 * (a public route) is refused. Inside a dispatched run the call joins the run's transaction, so a
 * replay is enqueued, and the dispatcher woken, only if the run commits.
 *
 * <p>Refusals are {@link ApiException}s carrying what the API would answer: 403 forbidden (no
 * principal, or not allowed), 404 not_found (an unknown id, or another app's), 409
 * already_resolved, 422 validation_failed (a reason other than ignored or handled_by_script, a note
 * over 2,000 characters). They leave the run's transaction usable.
 */
@ApplicationScoped
public class ScriptDeadLetters {
  @Inject DeadLetters deadLetters;

  /** {@code deadLetters.replay(id)}: the new outbox row and its execution id. */
  public ReplayView replay(UUID appId, UUID deadLetterId, Caller caller) {
    return deadLetters.replay(principal(caller), appId.toString(), deadLetterId);
  }

  /** {@code deadLetters.resolve(id, reason)}; {@code note} may be null. The resolved row. */
  public DeadLetterView resolve(
      UUID appId, UUID deadLetterId, String reason, String note, Caller caller) {
    return deadLetters.resolve(principal(caller), appId.toString(), deadLetterId, reason, note);
  }

  private static Caller principal(Caller caller) {
    if (caller == null) {
      throw ApiException.forbidden(
          "Replaying or resolving dead letters needs a principal with app:admin; this run has"
              + " none.");
    }
    return caller;
  }
}
