package dev.picloud.runtime.sdk;

/**
 * A failed SDK call; the script receives a JS {@code Error} whose message starts with the module.
 */
public class SdkException extends RuntimeException {
  public SdkException(String module, String message) {
    super(module + ": " + message, null, false, false);
  }
}
