package dev.picloud.runtime.sdk;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform services a run's SDK modules may use (a KV store bound to the run's transaction, a
 * document store...), looked up by type. The runtime itself uses none; it only carries them.
 */
public final class Services {
  private static final Services NONE = new Services(Map.of());

  private final Map<Class<?>, Object> byType;

  private Services(Map<Class<?>, Object> byType) {
    this.byType = byType;
  }

  public static Services none() {
    return NONE;
  }

  public <T> Services with(Class<T> type, T service) {
    Map<Class<?>, Object> more = new HashMap<>(byType);
    more.put(type, type.cast(service));
    return new Services(Map.copyOf(more));
  }

  public <T> Optional<T> find(Class<T> type) {
    return Optional.ofNullable(type.cast(byType.get(type)));
  }

  public <T> T require(Class<T> type) {
    return find(type)
        .orElseThrow(() -> new IllegalStateException("no " + type.getName() + " for this run"));
  }
}
