package dev.picloud.kv.control;

import dev.picloud.runtime.sdk.JsArgs;
import dev.picloud.runtime.sdk.JsValues;
import dev.picloud.runtime.sdk.JsonText;
import dev.picloud.runtime.sdk.SdkException;
import dev.picloud.runtime.sdk.SdkModule;
import dev.picloud.runtime.sdk.SdkObject;
import dev.picloud.runtime.sdk.SdkRun;
import java.util.function.Supplier;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The {@code kv} global (SPEC 6.4): {@code kv.collection(name)} gives a handle with {@code get},
 * {@code set}, {@code has}, {@code delete} and {@code list}. It works on the {@link KvSession} the
 * run's services carry and always on that session's app; a run without one gets {@code kv:
 * not_available}. Failures throw {@code Error("kv: <code>: ...")}.
 */
public final class KvModule {
  /** Add to the runtime's modules: {@code new ScriptRuntime(settings, threads, modules)}. */
  public static final SdkModule MODULE = new SdkModule("kv", KvModule::create);

  private KvModule() {}

  private static JSObject create(SdkRun run) {
    return SdkObject.builder("kv", run)
        .function("collection", args -> guarded(() -> collection(run, args)))
        .build();
  }

  private static Object collection(SdkRun run, JsArgs args) {
    KvSession session =
        run.context()
            .services()
            .find(KvSession.class)
            .orElseThrow(() -> new KvException("not_available", "this run has no key-value store"));
    if (!session.appId().equals(run.context().appId())) {
      throw new IllegalStateException("a KV session of another app was given to this run");
    }
    String name = args.string(0, "collection name");
    KvRules.checkCollection(name);
    return SdkObject.builder("kv", run)
        .function(
            "get",
            a -> guarded(() -> ScriptJson.toScript(run, session.get(name, key(a)).orElse(null))))
        .function(
            "set",
            a ->
                guarded(
                    () -> {
                      session.set(name, key(a), ScriptJson.fromScript(run, a, 1));
                      return JsValues.undefined();
                    }))
        .function("has", a -> guarded(() -> session.has(name, key(a))))
        .function("delete", a -> guarded(() -> session.delete(name, key(a))))
        .function("list", a -> guarded(() -> list(run, session, name, a)))
        .build();
  }

  private static Object list(SdkRun run, KvSession session, String collection, JsArgs args) {
    String cursor = args.optionalString(0, "cursor").orElse(null);
    // Out-of-range limits stay out of range (negative ones become 0) for KvRules to refuse.
    Integer limit =
        args.raw(1) == null
            ? null
            : (int) Math.max(0, Math.min(args.integer(1, "limit"), Integer.MAX_VALUE));
    KvPage page = session.list(collection, cursor, limit);
    StringBuilder json = new StringBuilder("{\"keys\":").append(JsonText.stringArray(page.keys()));
    json.append(",\"nextCursor\":");
    if (page.nextCursor() == null) {
      json.append("null");
    } else {
      JsonText.quote(json, page.nextCursor());
    }
    return run.js().parse(json.append('}').toString());
  }

  private static String key(JsArgs args) {
    return args.string(0, "key");
  }

  /** A KV refusal as the script's error: {@code kv: <code>: <detail>}. */
  private static Object guarded(Supplier<Object> call) {
    try {
      return call.get();
    } catch (KvException e) {
      throw new SdkException("kv", e.getMessage());
    }
  }
}
