package dev.picloud.runtime.sdk;

import java.util.Base64;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * {@code base64.encode/decode} (standard alphabet, padded) and {@code encodeUrl/decodeUrl}
 * (URL-safe, unpadded; decoding accepts padding). Text is UTF-8; decoding to invalid UTF-8 throws.
 */
final class Base64Module {
  private Base64Module() {}

  static JSObject create(SdkRun run) {
    return SdkObject.builder("base64", run)
        .function("encode", args -> Base64.getEncoder().encodeToString(utf8(args)))
        .function("decode", args -> decode(Base64.getDecoder(), args))
        .function(
            "encodeUrl", args -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(args)))
        .function("decodeUrl", args -> decode(Base64.getUrlDecoder(), args))
        .build();
  }

  private static byte[] utf8(JsArgs args) {
    return StrictUtf8.encode(args.string(0, "text"));
  }

  private static String decode(Base64.Decoder decoder, JsArgs args) {
    byte[] bytes;
    try {
      bytes = decoder.decode(args.string(0, "input"));
    } catch (IllegalArgumentException e) {
      throw args.error("invalid base64 input");
    }
    return StrictUtf8.decode(bytes, args);
  }
}
