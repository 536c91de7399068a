package dev.picloud.runtime.sdk;

import java.util.List;

/**
 * The modules every script gets. A new module (kv, docs, deadLetters) is one more line here, e.g.
 * {@code new SdkModule("kv", KvModule::create)} with a factory reading its store from {@code
 * run.context().services()}.
 */
public final class StandardModules {
  private StandardModules() {}

  public static List<SdkModule> all() {
    return List.of(
        new SdkModule("log", LogModule::log),
        new SdkModule("console", LogModule::console),
        new SdkModule("regex", RegexModule::create),
        new SdkModule("random", RandomModule::create),
        new SdkModule("time", TimeModule::create),
        new SdkModule("base64", Base64Module::create),
        new SdkModule("hex", HexModule::create),
        new SdkModule("url", UrlModule::create));
  }
}
