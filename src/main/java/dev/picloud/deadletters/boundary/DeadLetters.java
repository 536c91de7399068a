package dev.picloud.deadletters.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.apps.entity.App;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.deadletters.control.DeadLetter;
import dev.picloud.deadletters.control.DeadLetterFilter;
import dev.picloud.deadletters.control.DeadLetterResolutionStore;
import dev.picloud.deadletters.control.DeadLetterResolutionStore.Replayed;
import dev.picloud.deadletters.control.DeadLetterStore;
import dev.picloud.deadletters.control.ResolutionRequest;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.platform.control.KeysetCursor;
import dev.picloud.platform.control.Page;
import dev.picloud.platform.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The dead-letters facade. Reads need READ_APP (viewer, script:read); replay and resolve need
 * ADMIN_APP (app_admin, app:admin). A dead letter of another app addressed through this one is a
 * 404. A refusal ({@link ApiException}) is thrown before anything is written and does not roll the
 * transaction back: an SDK call joins its run's transaction, and a script that catches the refusal
 * must still be able to commit its run.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ApiException.class)
public class DeadLetters {
  @Inject AppAccess access;
  @Inject DeadLetterStore store;
  @Inject DeadLetterResolutionStore resolutions;
  @Inject Event<DeadLettersReplayed> replayed;

  /** Newest first, filtered, keyset-paged. */
  public Page<DeadLetterView> list(Caller caller, String appRef, DeadLetterQuery query) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    int size = PageRequest.of(query.limit, null).limit();
    KeysetCursor after = query.cursor == null ? null : KeysetCursor.decode(query.cursor);
    List<DeadLetter> rows = store.list(app.id(), query.filter(), after, size + 1);
    return KeysetCursor.page(rows, size, row -> new KeysetCursor(row.createdAt(), row.id()))
        .map(DeadLetterView::of);
  }

  public DeadLetterCountView count(Caller caller, String appRef) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return new DeadLetterCountView(store.countUnresolved(app.id()));
  }

  /** The detail: payload and every attempt's error. */
  public DeadLetterView get(Caller caller, String appRef, UUID id) {
    App app = access.require(caller, appRef, Capability.READ_APP);
    return DeadLetterView.of(find(app, id));
  }

  /**
   * Enqueues the dead letter again and marks it replayed, together; the dispatcher is woken once
   * this transaction commits. 409 already_resolved for a resolved row.
   */
  public ReplayView replay(Caller caller, String appRef, UUID id) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    if (lock(app, id)) {
      throw alreadyResolved();
    }
    Replayed row =
        resolutions
            .replayOne(app.id(), id, origin(caller))
            .orElseThrow(() -> new IllegalStateException("locked dead letter " + id + " stayed"));
    replayed.fire(new DeadLettersReplayed(app.id(), 1));
    return new ReplayView(row.outboxId(), row.executionId());
  }

  /** Resolves the dead letter with a caller's reason; 409 already_resolved for a resolved row. */
  public DeadLetterView resolve(Caller caller, String appRef, UUID id, String reason, String note) {
    App app = access.require(caller, appRef, Capability.ADMIN_APP);
    boolean resolved = lock(app, id);
    ResolutionRequest request = ResolutionRequest.of(reason, note);
    if (resolved) {
      throw alreadyResolved();
    }
    resolutions.resolveOne(app.id(), id, request);
    return DeadLetterView.of(find(app, id));
  }

  /**
   * One batch of a bulk replay; called outside a transaction (by {@link BulkDeadLetters}) it
   * commits on its own. The caller was authorized for {@code app} (ADMIN_APP). Returns how many
   * dead letters it replayed.
   */
  public int replayBatch(Caller caller, App app, DeadLetterFilter filter, int size) {
    int count = resolutions.replay(app.id(), filter, size, origin(caller)).size();
    if (count > 0) {
      replayed.fire(new DeadLettersReplayed(app.id(), count));
    }
    return count;
  }

  /** One batch of a bulk resolve, as {@link #replayBatch}; how many it resolved. */
  public int resolveBatch(App app, DeadLetterFilter filter, ResolutionRequest request, int size) {
    return resolutions.resolve(app.id(), filter, size, request);
  }

  /** Locks the app's dead letter until this transaction ends; whether it is resolved. */
  private boolean lock(App app, UUID id) {
    return resolutions.lock(app.id(), id).orElseThrow(DeadLetters::notFound);
  }

  private DeadLetter find(App app, UUID id) {
    return store.find(app.id(), id).orElseThrow(DeadLetters::notFound);
  }

  /** Who replayed, kept on the new outbox row for forensics (the statement adds replay_of). */
  private static String origin(Caller caller) {
    return Jsonp.createObjectBuilder()
        .add("user_id", caller.userId().toString())
        .add("username", caller.username())
        .add("credential", caller.credential().name().toLowerCase(Locale.ROOT))
        .build()
        .toString();
  }

  private static ApiException notFound() {
    return ApiException.notFound("Dead letter");
  }

  private static ApiException alreadyResolved() {
    return ApiException.conflict(
        "already_resolved",
        "This dead letter is already resolved; it cannot be replayed or resolved again.");
  }
}
