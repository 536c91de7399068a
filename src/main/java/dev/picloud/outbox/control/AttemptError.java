package dev.picloud.outbox.control;

import java.util.Objects;

/**
 * Why an attempt failed, as appended to the row's error history: the failure {@code code} of SPEC
 * 5.7 ({@code script_error}, {@code script_timeout}…), its message and, when it has one, its
 * status. The store adds the attempt number, the node and the database times.
 */
public record AttemptError(String code, String message, Integer status) {
  public AttemptError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
