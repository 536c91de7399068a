package dev.picloud.deadletters.boundary;

import dev.picloud.outbox.boundary.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Wakes the dispatcher once replayed rows are committed: woken earlier, it could claim before the
 * rows are visible and sleep until the next heartbeat. A rolled-back replay wakes nothing.
 */
@ApplicationScoped
public class ReplayWakeUp {
  private static final Logger LOG = Logger.getLogger(ReplayWakeUp.class.getName());

  @Inject Dispatcher dispatcher;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeadLettersReplayed event) {
    LOG.fine(() -> "Replayed " + event.rows() + " dead letters of app " + event.appId());
    dispatcher.wake();
  }
}
