package dev.picloud.kv.boundary;

import dev.picloud.kv.control.KvEvent;
import dev.picloud.kv.control.KvSession;
import dev.picloud.kv.control.KvStore;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ExpectedFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Commits a run's (or an admin request's) KV writes in the caller's transaction and announces them
 * with {@link KvChanged}, so data and trigger events commit together or not at all. For a
 * dispatched run the caller's transaction also settles its outbox row under the claim epoch.
 */
@ApplicationScoped
public class KvWrites {
  @Inject KvStore store;
  @Inject Event<KvChanged> changed;

  /**
   * Applies the session's writes and fires {@link KvChanged} when something changed; returns the
   * events. Needs an active transaction. Any exception (a {@link dev.picloud.kv.control.KvConflict}
   * included) marks it for rollback.
   */
  @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ExpectedFailure.class)
  @ExpectedFailuresRollBack
  public List<KvEvent> commit(KvSession session, KvChangeContext context) {
    List<KvEvent> events = store.commit(session);
    if (!events.isEmpty()) {
      changed.fire(new KvChanged(session.appId(), events, context));
    }
    return events;
  }
}
