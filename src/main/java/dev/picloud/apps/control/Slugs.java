package dev.picloud.apps.control;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import java.util.regex.Pattern;

/**
 * Slug rules: 2–40 of {@code [a-z0-9-]}, starting and ending with a letter or digit (a slug is also
 * a host label, {@code {slug}.{base domain}}), and never shaped like a UUID, because {@code
 * /apps/{app}} accepts either an id or a slug.
 */
public final class Slugs {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}[a-z0-9]");

  private Slugs() {}

  public static boolean isValid(String slug) {
    return slug != null && SLUG.matcher(slug).matches() && !Ids.isUuid(slug);
  }

  public static String require(String slug) {
    if (!isValid(slug)) {
      throw ApiException.invalid(
          "slug",
          "slug must be 2-40 lowercase letters, digits or '-', start and end with a letter or digit,"
              + " and not be a UUID.");
    }
    return slug;
  }
}
