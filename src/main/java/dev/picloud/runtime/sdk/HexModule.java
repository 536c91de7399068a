package dev.picloud.runtime.sdk;

import java.util.HexFormat;
import org.openjdk.nashorn.api.scripting.JSObject;

/** {@code hex.encode} (UTF-8 bytes, lower case) and {@code hex.decode} (either case). */
final class HexModule {
  private HexModule() {}

  static JSObject create(SdkRun run) {
    return SdkObject.builder("hex", run)
        .function(
            "encode", args -> HexFormat.of().formatHex(StrictUtf8.encode(args.string(0, "text"))))
        .function("decode", HexModule::decode)
        .build();
  }

  private static String decode(JsArgs args) {
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(args.string(0, "input"));
    } catch (IllegalArgumentException e) {
      throw args.error("invalid hex input (pairs of 0-9, a-f or A-F expected)");
    }
    return StrictUtf8.decode(bytes, args);
  }
}
