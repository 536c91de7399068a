package dev.picloud.deadletters.control;

import dev.picloud.deadletters.entity.Resolution;
import dev.picloud.platform.control.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A caller's resolution of dead letters: a reason a caller may set (ignored, handled_by_script) and
 * an optional note. The other two reasons have their own writers: replayed is what a replay
 * records, and handler_failed is the platform's mark that leaves a row unresolved.
 */
public record ResolutionRequest(Resolution reason, String note) {
  public static final int MAX_NOTE_LENGTH = 2000;

  private static final String CALLER_REASONS =
      Arrays.stream(Resolution.values())
          .filter(Resolution::settableByCaller)
          .map(Resolution::wire)
          .collect(Collectors.joining(", "));

  /** Validates the reason and note of a request (422 naming the field); a blank note is none. */
  public static ResolutionRequest of(String reason, String note) {
    if (reason == null) {
      throw ApiException.invalid("reason", "reason is required: one of " + CALLER_REASONS + ".");
    }
    Resolution resolution =
        Resolution.fromWire(reason)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "reason", "reason must be one of " + CALLER_REASONS + "."));
    if (!resolution.settableByCaller()) {
      String writer =
          resolution == Resolution.REPLAYED
              ? "a replay (POST …/replay), which enqueues the event again"
              : "the platform when a dead-letter handler fails, and leaves the row unresolved";
      throw ApiException.invalid(
          "reason",
          "reason must be one of " + CALLER_REASONS + "; " + reason + " is set by " + writer + ".");
    }
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw ApiException.invalid(
          "note", "note must be at most " + MAX_NOTE_LENGTH + " characters long.");
    }
    return new ResolutionRequest(resolution, note == null || note.isBlank() ? null : note);
  }
}
