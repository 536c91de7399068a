package dev.picloud.apps.control;

import dev.picloud.platform.control.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for the hosts an app may claim: a lowercase DNS name (ASCII; IDNs in punycode), no port,
 * optionally a leading {@code *.} wildcard label. Hosts at or under the base domain are reserved
 * for the implicit {@code {slug}.{base domain}} hosts.
 */
public final class DomainHosts {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final int MAX_LENGTH = 253;

  private DomainHosts() {}

  /** The normalised host (lower case, no trailing dot), or a 422 naming {@code host}. */
  public static String normalise(String raw, String baseDomain) {
    if (raw == null || raw.isBlank()) {
      throw invalid("host is required.");
    }
    String host = raw.trim().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    String name = host.startsWith("*.") ? host.substring(2) : host;
    if (host.length() > MAX_LENGTH || name.isEmpty()) {
      throw invalid("host must be a DNS name of at most 253 characters.");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw invalid(
            "host must be a DNS name (letters, digits, '-'; IDNs in punycode), optionally starting"
                + " with '*.', without a port.");
      }
    }
    if (name.equals(baseDomain) || name.endsWith("." + baseDomain)) {
      throw invalid("hosts under " + baseDomain + " are reserved for apps' implicit hosts.");
    }
    return host;
  }

  private static ApiException invalid(String detail) {
    return ApiException.invalid("host", detail);
  }
}
