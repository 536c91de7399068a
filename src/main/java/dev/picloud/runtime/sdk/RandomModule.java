package dev.picloud.runtime.sdk;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * {@code random.int(min, max)} (both inclusive, safe integers), {@code float()} in [0, 1), {@code
 * bytes(n)} (n ≤ 64 KiB, base64), {@code string(n, alphabet?)} (n ≤ 4 KiB characters, default
 * alphabet A-Za-z0-9) and {@code uuid()} (version 4). Only a CSPRNG; {@code Math.random} is
 * JavaScript's own and not for secrets.
 */
final class RandomModule {
  static final int MAX_BYTES = 64 * 1024;
  static final int MAX_STRING = 4 * 1024;
  static final int MAX_ALPHABET = 4 * 1024;
  private static final String DEFAULT_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomModule() {}

  static JSObject create(SdkRun run) {
    return SdkObject.builder("random", run)
        .function("int", RandomModule::integer)
        .function("float", args -> RANDOM.nextDouble())
        .function("bytes", RandomModule::bytes)
        .function("string", RandomModule::string)
        .function("uuid", args -> UUID.randomUUID().toString())
        .build();
  }

  private static Object integer(JsArgs args) {
    long min = args.integer(0, "min");
    long max = args.integer(1, "max");
    if (min > max) {
      throw args.error("min must not be greater than max");
    }
    return (double) RANDOM.nextLong(min, max + 1);
  }

  private static String bytes(JsArgs args) {
    long n = args.integer(0, "n");
    if (n < 0 || n > MAX_BYTES) {
      throw args.error("n must be between 0 and " + MAX_BYTES);
    }
    byte[] bytes = new byte[(int) n];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String string(JsArgs args) {
    long n = args.integer(0, "n");
    if (n < 0 || n > MAX_STRING) {
      throw args.error("n must be between 0 and " + MAX_STRING);
    }
    String alphabet = args.optionalString(1, "alphabet").orElse(DEFAULT_ALPHABET);
    int[] symbols = alphabet.codePoints().toArray();
    if (symbols.length == 0 || symbols.length > MAX_ALPHABET) {
      throw args.error("alphabet must have between 1 and " + MAX_ALPHABET + " characters");
    }
    StringBuilder out = new StringBuilder((int) n);
    for (int i = 0; i < n; i++) {
      out.appendCodePoint(symbols[RANDOM.nextInt(symbols.length)]);
    }
    return out.toString();
  }
}
