package dev.picloud.runtime.sdk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * {@code time.*}, always UTC. Times are ISO-8601 strings or epoch milliseconds; {@code addSeconds}
 * answers in the kind it was given. The range is JavaScript's Date range (±8.64e15 ms); anything
 * beyond it throws, as does a pattern {@code format} cannot use.
 */
final class TimeModule {
  static final long MAX_MILLIS = 8_640_000_000_000_000L;
  private static final int MAX_PATTERN = 100;

  private TimeModule() {}

  static JSObject create(SdkRun run) {
    return SdkObject.builder("time", run)
        .function("now", args -> iso(run.clock().instant()))
        .function("nowMs", args -> (double) run.clock().millis())
        .function("parse", args -> (double) parse(args, 0).toEpochMilli())
        .function("format", TimeModule::format)
        .function("addSeconds", TimeModule::addSeconds)
        .function("diffSeconds", args -> diffSeconds(args))
        .build();
  }

  private static String format(JsArgs args) {
    Instant instant = instant(args, 0);
    String pattern = args.optionalString(1, "pattern").orElse(null);
    if (pattern == null) {
      return iso(instant);
    }
    if (pattern.length() > MAX_PATTERN) {
      throw args.error("pattern longer than " + MAX_PATTERN + " characters");
    }
    try {
      return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw args.error("invalid pattern: " + e.getMessage());
    }
  }

  private static Object addSeconds(JsArgs args) {
    Instant start = instant(args, 0);
    double seconds = args.number(1, "seconds");
    double millis = start.toEpochMilli() + seconds * 1000;
    if (Double.isNaN(millis) || Math.abs(millis) > MAX_MILLIS) {
      throw args.error("the result is out of range");
    }
    Instant result = Instant.ofEpochMilli(Math.round(millis));
    return args.raw(0) instanceof Number ? (Object) (double) result.toEpochMilli() : iso(result);
  }

  private static double diffSeconds(JsArgs args) {
    return (instant(args, 0).toEpochMilli() - instant(args, 1).toEpochMilli()) / 1000.0;
  }

  /** An ISO string or epoch milliseconds. */
  private static Instant instant(JsArgs args, int index) {
    if (args.raw(index) instanceof Number n) {
      double ms = n.doubleValue();
      if (Double.isNaN(ms) || Math.abs(ms) > MAX_MILLIS) {
        throw args.error("time out of range");
      }
      return Instant.ofEpochMilli(Math.round(ms));
    }
    return parse(args, index);
  }

  /** Accepts 2026-01-02T03:04:05Z, an offset instead of Z, or a date alone (midnight UTC). */
  private static Instant parse(JsArgs args, int index) {
    String text = args.string(index, "time");
    Instant instant;
    try {
      instant =
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
              : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw args.error("cannot parse \"" + text + "\" as an ISO-8601 time");
    }
    if (Math.abs(instant.getEpochSecond()) > MAX_MILLIS / 1000) {
      throw args.error("time out of range");
    }
    return instant;
  }

  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
