package dev.picloud.routes.control;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which app serves a {@code Host} header (SPEC 5.1), rebuilt whenever an app, slug or domain
 * changes and then only read (immutable, so safe for any number of request threads).
 *
 * <p>The header is normalised as {@link HostName} describes (port, case and one trailing dot do not
 * matter; an invalid header resolves to nothing). Then, first hit wins: an exact app domain; the
 * wildcard domain with the longest suffix — {@code *.example.com} serves {@code a.example.com} and
 * {@code a.b.example.com} (any depth, as SPEC's "longest wildcard suffix" implies) but never {@code
 * example.com} itself; the implicit {@code {slug}.{base domain}}, exactly one label before the base
 * domain, so {@code a.hello.localhost} and {@code localhost} itself resolve to nothing.
 */
public final class HostTable {
  private final Map<String, UUID> domains;
  private final Map<String, UUID> slugs;
  private final String baseSuffix;

  /**
   * @param domains every app's domains (exact hosts and {@code *.} wildcards, as stored) to the
   *     app's id; two spellings of one host for different apps are an {@link
   *     IllegalArgumentException}
   * @param slugs every app's slug to its id
   * @param baseDomain {@code PICLOUD_BASE_DOMAIN}
   */
  public HostTable(Map<String, UUID> domains, Map<String, UUID> slugs, String baseDomain) {
    this.domains =
        domains.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> HostName.key(e.getKey()), Map.Entry::getValue, HostTable::sameApp));
    this.slugs = Map.copyOf(slugs);
    this.baseSuffix = "." + HostName.key(baseDomain);
  }

  /** The app serving {@code hostHeader}, the raw {@code Host} header; empty when none does. */
  public Optional<UUID> resolve(String hostHeader) {
    Optional<String> name = HostName.fromHeader(hostHeader);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String host = name.get();
    for (String key : HostName.candidates(host)) {
      UUID app = domains.get(key);
      if (app != null) {
        return Optional.of(app);
      }
    }
    if (host.endsWith(baseSuffix)) {
      String label = host.substring(0, host.length() - baseSuffix.length());
      if (label.indexOf('.') < 0) {
        return Optional.ofNullable(slugs.get(label));
      }
    }
    return Optional.empty();
  }

  private static UUID sameApp(UUID first, UUID second) {
    if (!first.equals(second)) {
      throw new IllegalArgumentException("One host is claimed by two apps.");
    }
    return first;
  }
}
