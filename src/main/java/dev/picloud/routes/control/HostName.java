package dev.picloud.routes.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names as the data plane compares them (SPEC 5.1).
 *
 * <p>A {@code Host} header is reduced to the name alone: the port dropped (also after a bracketed
 * IPv6 literal, {@code [::1]:8080}), lower-cased, one trailing dot dropped ({@code example.com.} is
 * the same DNS name). Anything else must already be valid — DNS labels of ASCII letters, digits and
 * {@code -} (1–63 characters, 253 in all) or a bracketed IPv6 literal, and a port of 1–5 digits —
 * because a header that needs repairing is one a proxy may have read differently. Characters are
 * checked before lower-casing since Unicode case mapping turns some non-ASCII letters into ASCII
 * ones (the Kelvin sign into {@code k}), and a {@code *} is never part of a request host, so a
 * header {@code *.example.com} cannot pose as a wildcard domain.
 */
final class HostName {
  private static final int MAX_LENGTH = 253;
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private HostName() {}

  /** The host a {@code Host} header names, or empty when the header is not a valid host. */
  static Optional<String> fromHeader(String header) {
    if (header == null || header.isEmpty() || !header.chars().allMatch(c -> c > 32 && c < 127)) {
      return Optional.empty();
    }
    String host = header.toLowerCase(Locale.ROOT);
    int nameEnd;
    if (host.startsWith("[")) {
      nameEnd = host.indexOf(']') + 1;
    } else {
      int colon = host.indexOf(':');
      nameEnd = colon < 0 ? host.length() : colon;
    }
    if (nameEnd == 0 || !isPortOrNothing(host, nameEnd)) {
      return Optional.empty();
    }
    String name = stripTrailingDot(host.substring(0, nameEnd));
    boolean valid =
        name.startsWith("[")
            ? IPV6.matcher(name).matches()
            : name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    return valid ? Optional.of(name) : Optional.empty();
  }

  /**
   * A configured host (an app domain, a route's host, the base domain) in the form {@link
   * #fromHeader} produces. Configured hosts are validated when they are stored, so only the
   * spelling is normalised here.
   */
  static String key(String configured) {
    return stripTrailingDot(configured.toLowerCase(Locale.ROOT));
  }

  /**
   * The keys that may serve {@code host}, best first: the host itself, then each wildcard above it
   * from the longest suffix ({@code a.b.example.com}: {@code *.b.example.com}, {@code
   * *.example.com}, {@code *.com}). A wildcard thus serves hosts any depth below it, never the name
   * it is written on.
   */
  static List<String> candidates(String host) {
    List<String> keys = new ArrayList<>();
    keys.add(host);
    if (!host.startsWith("[")) {
      for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
        keys.add("*" + host.substring(dot));
      }
    }
    return keys;
  }

  private static boolean isPortOrNothing(String host, int from) {
    return from == host.length()
        || host.charAt(from) == ':' && PORT.matcher(host.substring(from + 1)).matches();
  }

  private static String stripTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
