package dev.picloud.kv.control;

/**
 * A KV call the caller got wrong or may not make, with a stable snake_case code ({@code
 * quota_exceeded}, {@code key_too_large}...). Scripts see it as {@code Error("kv: <code>: ...")},
 * the admin API as a problem with that code.
 */
public class KvException extends RuntimeException {
  private final String code;
  private final String detail;

  KvException(String code, String detail) {
    super(code + ": " + detail, null, false, false);
    this.code = code;
    this.detail = detail;
  }

  public String code() {
    return code;
  }

  /** The message without its code. */
  public String detail() {
    return detail;
  }
}
