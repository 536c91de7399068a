package dev.picloud.deadletters.boundary;

import dev.picloud.deadletters.control.DeadLetterFilter;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The list's query parameters, taken as text and validated (422 naming the parameter) only once the
 * caller is known to see the app. {@code unresolved} is true or false; absent lists both.
 */
public class DeadLetterQuery {
  @QueryParam("unresolved")
  String unresolved;

  @QueryParam("source")
  String source;

  @QueryParam("trigger_id")
  String triggerId;

  @QueryParam("script_id")
  String scriptId;

  @QueryParam("error")
  String error;

  @QueryParam("created_after")
  String createdAfter;

  @QueryParam("created_before")
  String createdBefore;

  @QueryParam("limit")
  Integer limit;

  @QueryParam("cursor")
  String cursor;

  DeadLetterFilter filter() {
    return DeadLetterFilter.of(
        flag("unresolved", unresolved),
        source,
        uuid("trigger_id", triggerId),
        uuid("script_id", scriptId),
        error,
        instant("created_after", createdAfter),
        instant("created_before", createdBefore));
  }

  private static Boolean flag(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw ApiException.invalid(name, name + " must be true or false.");
    }
    return Boolean.valueOf(value);
  }

  private static UUID uuid(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!Ids.isUuid(value)) {
      throw ApiException.invalid(name, name + " must be a UUID.");
    }
    return UUID.fromString(value);
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          name, name + " must be an ISO-8601 UTC timestamp such as 2030-01-01T00:00:00Z.");
    }
  }
}
