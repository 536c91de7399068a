package dev.picloud.scripts.boundary;

import dev.picloud.kv.boundary.KvChangeContext;
import dev.picloud.kv.boundary.KvWrites;
import dev.picloud.kv.control.KvSession;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ExpectedFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Commits the writes of a run that no outbox row settles (a direct execution) in their own
 * transaction, with the outbox rows of the triggers they fire.
 */
@ApplicationScoped
public class RunWrites {
  @Inject KvWrites kv;

  /**
   * @throws dev.picloud.kv.control.KvConflict when a key the run read changed meanwhile
   */
  @Transactional(dontRollbackOn = ExpectedFailure.class)
  @ExpectedFailuresRollBack
  public void commit(KvSession session, KvChangeContext context) {
    if (session.hasWrites()) {
      kv.commit(session, context);
    }
  }
}
