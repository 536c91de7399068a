package dev.picloud.scripts.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.deadletters.boundary.ScriptDeadLetters;
import dev.picloud.kv.control.KvSession;
import dev.picloud.kv.control.KvStore;
import dev.picloud.runtime.sdk.Services;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform services one run's SDK modules use: a fresh KV session of the run's app (its writes
 * are committed by whoever settles the run) and the dead-letter actions.
 */
@ApplicationScoped
public class RunServices {
  @Inject KvStore kv;
  @Inject ScriptDeadLetters deadLetters;

  public Services forRun(UUID appId, Optional<Caller> principal) {
    return Services.none()
        .with(KvSession.class, new KvSession(appId, principal, kv))
        .with(ScriptDeadLetters.class, deadLetters);
  }
}
