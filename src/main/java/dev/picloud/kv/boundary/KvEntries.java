package dev.picloud.kv.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Capability;
import dev.picloud.kv.control.KvConflict;
import dev.picloud.kv.control.KvEvent;
import dev.picloud.kv.control.KvException;
import dev.picloud.kv.control.KvOp;
import dev.picloud.kv.control.KvPage;
import dev.picloud.kv.control.KvSession;
import dev.picloud.kv.control.KvStore;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import dev.picloud.platform.control.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The admin KV API's facade: the capability is checked once on the app ({@link AppAccess}), then a
 * session without principal does the work and writes commit per request through {@link KvWrites},
 * so they fire events exactly like script writes (a new root execution, depth 0, the caller as
 * principal).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class KvEntries {
  @Inject AppAccess access;
  @Inject KvStore store;
  @Inject KvWrites writes;

  public KvKeysView list(
      Caller caller, String appRef, String collection, String cursor, Integer limit) {
    KvSession session = session(caller, appRef, Capability.READ_APP);
    KvPage page = kv(() -> session.list(collection, cursor, limit));
    return new KvKeysView(page.keys(), page.nextCursor());
  }

  public JsonValue get(Caller caller, String appRef, String collection, String key) {
    KvSession session = session(caller, appRef, Capability.READ_APP);
    return kv(() -> session.get(collection, key)).orElseThrow(() -> notFound());
  }

  /** Stores the value; answers whether the key was created (rather than replaced). */
  public boolean put(Caller caller, String appRef, String collection, String key, JsonValue value) {
    KvSession session = session(caller, appRef, Capability.WRITE_SCRIPTS);
    List<KvEvent> events =
        kv(
            () -> {
              session.set(collection, key, value);
              return commit(caller, session);
            });
    return events.get(0).op() == KvOp.INSERT;
  }

  public void delete(Caller caller, String appRef, String collection, String key) {
    KvSession session = session(caller, appRef, Capability.WRITE_SCRIPTS);
    boolean present =
        kv(
            () -> {
              boolean was = session.delete(collection, key);
              commit(caller, session);
              return was;
            });
    if (!present) {
      throw notFound();
    }
  }

  private KvSession session(Caller caller, String appRef, Capability capability) {
    UUID appId = access.require(caller, appRef, capability).id();
    return new KvSession(appId, Optional.empty(), store);
  }

  private List<KvEvent> commit(Caller caller, KvSession session) {
    return writes.commit(session, new KvChangeContext(UUID.randomUUID(), 0, caller.userId()));
  }

  /** KV refusals as problems: a value over the limit is 413, other bad input 422. */
  private static <T> T kv(Supplier<T> call) {
    try {
      return call.get();
    } catch (KvConflict e) {
      throw ApiException.conflict("kv_conflict", "The entry changed meanwhile; try again.");
    } catch (KvException e) {
      String code = e.code();
      boolean tooLarge = code.equals("value_too_large");
      Problem problem =
          Problem.of(
              tooLarge ? 413 : 422,
              code,
              tooLarge ? "Payload too large" : "Validation failed",
              e.detail());
      String field =
          code.startsWith("invalid_")
              ? code.substring("invalid_".length())
              : code.substring(0, code.indexOf('_'));
      throw new ApiException(problem.withField(field));
    }
  }

  private static ApiException notFound() {
    return ApiException.notFound("Key");
  }
}
