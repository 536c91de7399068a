package dev.picloud.routes.control;

import dev.picloud.platform.control.ApiException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules for routes besides the path pattern, each failure naming its field (422). */
public final class RouteRules {
  private static final Pattern METHOD_TOKEN = Pattern.compile("[A-Za-z]{1,20}");
  private static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Set<String> MODES = Set.of("sync", "async");

  private RouteRules() {}

  /** Upper case, or null for any method. */
  public static String method(String value) {
    if (value == null) {
      return null;
    }
    if (!METHOD_TOKEN.matcher(value).matches()) {
      throw ApiException.invalid("method", "method must be an HTTP method name such as GET.");
    }
    return value.toUpperCase(Locale.ROOT);
  }

  /** Lower case without a trailing dot, or null for any host of the app. */
  public static String host(String value) {
    if (value == null) {
      return null;
    }
    String host = value.trim().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.length() > 253 || !HOST.matcher(host).matches()) {
      throw ApiException.invalid(
          "host", "host must be a DNS name, optionally starting with '*.', without a port.");
    }
    return host;
  }

  public static String dispatchMode(String value) {
    String mode = value == null ? "sync" : value;
    if (!MODES.contains(mode)) {
      throw ApiException.invalid("dispatch_mode", "dispatch_mode must be sync or async.");
    }
    return mode;
  }
}
