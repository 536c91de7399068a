package dev.picloud.deadletters.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import dev.picloud.runtime.sdk.JsArgs;
import dev.picloud.runtime.sdk.JsonText;
import dev.picloud.runtime.sdk.SdkException;
import dev.picloud.runtime.sdk.SdkModule;
import dev.picloud.runtime.sdk.SdkObject;
import dev.picloud.runtime.sdk.SdkRun;
import java.util.UUID;
import java.util.function.Supplier;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The {@code deadLetters} global (SPEC 6.4): {@code replay(id)} and {@code resolve(id, reason,
 * note?)} on the run's app, as the run's principal, under the admin API's rules (a public route's
 * run has no principal and is refused). They take effect at once, like the admin API, whatever the
 * run does afterwards. Failures throw {@code Error("deadLetters: <code>: ...")}.
 */
public final class DeadLettersModule {
  public static final SdkModule MODULE = new SdkModule("deadLetters", DeadLettersModule::create);

  private DeadLettersModule() {}

  private static JSObject create(SdkRun run) {
    return SdkObject.builder("deadLetters", run)
        .function("replay", args -> guarded(() -> replay(run, args)))
        .function("resolve", args -> guarded(() -> resolve(run, args)))
        .build();
  }

  private static Object replay(SdkRun run, JsArgs args) {
    ReplayView replay = actions(run).replay(run.context().appId(), id(args), caller(run));
    StringBuilder json = new StringBuilder("{\"outboxId\":");
    JsonText.quote(json, replay.outboxId().toString()).append(",\"executionId\":");
    JsonText.quote(json, replay.executionId().toString()).append('}');
    return run.js().parse(json.toString());
  }

  private static Object resolve(SdkRun run, JsArgs args) {
    String reason = args.string(1, "reason");
    String note = args.optionalString(2, "note").orElse(null);
    DeadLetterView resolved =
        actions(run).resolve(run.context().appId(), id(args), reason, note, caller(run));
    StringBuilder json = new StringBuilder("{\"id\":");
    JsonText.quote(json, resolved.id().toString()).append(",\"resolution\":");
    JsonText.quote(json, resolved.resolution()).append('}');
    return run.js().parse(json.toString());
  }

  private static ScriptDeadLetters actions(SdkRun run) {
    return run.context()
        .services()
        .find(ScriptDeadLetters.class)
        .orElseThrow(
            () ->
                new SdkException(
                    "deadLetters", "not_available: this run cannot act on dead letters"));
  }

  private static Caller caller(SdkRun run) {
    return run.context().principal().map(Caller.class::cast).orElse(null);
  }

  private static UUID id(JsArgs args) {
    String id = args.string(0, "dead letter id");
    if (!Ids.isUuid(id)) {
      throw new SdkException("deadLetters", "invalid_id: '" + id + "' is not a dead letter id");
    }
    return UUID.fromString(id);
  }

  private static Object guarded(Supplier<Object> call) {
    try {
      return call.get();
    } catch (ApiException e) {
      throw new SdkException("deadLetters", e.problem().code() + ": " + e.problem().detail());
    }
  }
}
