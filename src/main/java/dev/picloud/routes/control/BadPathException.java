package dev.picloud.routes.control;

/**
 * A request path {@link RequestPath} refuses to interpret; answered 400 {@code bad_path}. Carries
 * no stack trace: it is thrown for hostile input, which must stay cheap to refuse.
 */
public class BadPathException extends RuntimeException {
  BadPathException(String reason) {
    super(reason, null, false, false);
  }
}
