package dev.picloud.triggers.control;

import dev.picloud.platform.control.ApiException;

/**
 * A trigger's collection filter (SPEC 7.5): {@code *} matches every collection, {@code prefix*}
 * every collection starting with the prefix, anything else exactly one; case-sensitive.
 */
public record CollectionGlob(String pattern) {
  private static final int MAX_LENGTH = 256;

  public CollectionGlob {
    if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_LENGTH) {
      throw ApiException.invalid(
          "collection_glob", "collection_glob must be 1-" + MAX_LENGTH + " characters.");
    }
    int star = pattern.indexOf('*');
    if (star >= 0 && star != pattern.length() - 1) {
      throw ApiException.invalid(
          "collection_glob", "'*' may only end collection_glob ('*' or 'prefix*').");
    }
  }

  public boolean matches(String collection) {
    if (pattern.endsWith("*")) {
      return collection.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return collection.equals(pattern);
  }
}
