package dev.picloud.deadletters.control;

import dev.picloud.platform.control.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which dead letters of an app a list or a bulk action addresses; a null field means any. {@code
 * unresolved}: true for unresolved rows only ({@code resolved_at} NULL, handler_failed ones
 * included), false for resolved ones only. {@code errorContains} is looked for in {@code
 * last_error} ignoring case; {@code createdAfter} is inclusive, {@code createdBefore} exclusive.
 */
public record DeadLetterFilter(
    Boolean unresolved,
    String source,
    UUID triggerId,
    UUID scriptId,
    String errorContains,
    Instant createdAfter,
    Instant createdBefore) {
  /** The sources a dead letter can have (dead-letter handler rows never dead-letter). */
  public static final List<String> SOURCES = List.of("http", "kv", "docs");

  public static final int MAX_ERROR_TEXT = 500;

  /** Validates a filter as a caller sent it (422 naming the field). */
  public static DeadLetterFilter of(
      Boolean unresolved,
      String source,
      UUID triggerId,
      UUID scriptId,
      String errorContains,
      Instant createdAfter,
      Instant createdBefore) {
    if (source != null && !SOURCES.contains(source)) {
      throw ApiException.invalid("source", "source must be one of " + SOURCES + ".");
    }
    if (errorContains != null
        && (errorContains.isEmpty() || errorContains.length() > MAX_ERROR_TEXT)) {
      throw ApiException.invalid(
          "error", "error must be 1 to " + MAX_ERROR_TEXT + " characters of the last error.");
    }
    if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
      throw ApiException.invalid("created_before", "created_before must be after created_after.");
    }
    return new DeadLetterFilter(
        unresolved, source, triggerId, scriptId, errorContains, createdAfter, createdBefore);
  }

  /**
   * The unresolved rows among these that existed at {@code asOf}: what a bulk action works through,
   * so rows dead-lettered while it runs (a replay that failed again) are left alone and the action
   * ends.
   */
  public DeadLetterFilter unresolvedAsOf(Instant asOf) {
    Instant before = createdBefore == null || asOf.isBefore(createdBefore) ? asOf : createdBefore;
    return new DeadLetterFilter(
        true, source, triggerId, scriptId, errorContains, createdAfter, before);
  }
}
