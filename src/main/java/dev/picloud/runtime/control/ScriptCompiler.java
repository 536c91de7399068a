package dev.picloud.runtime.control;

import dev.picloud.runtime.sandbox.Sandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Compiled handlers by script id and version, in a bounded LRU cache: a warm run neither parses nor
 * instruments. Compiling happens outside the lock; two threads missing the same key at once both
 * compile, which is harmless.
 */
final class ScriptCompiler {
  private record Key(UUID scriptId, long version) {}

  private final Sandbox sandbox;
  private final Map<Key, CompiledHandler> cache;

  ScriptCompiler(Sandbox sandbox, int capacity) {
    this.sandbox = sandbox;
    this.cache =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, CompiledHandler> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The compiled handler of a script version, if this node has it. */
  Optional<CompiledHandler> cached(UUID scriptId, long version) {
    synchronized (cache) {
      return Optional.ofNullable(cache.get(new Key(scriptId, version)));
    }
  }

  CompiledHandler compile(UUID scriptId, long version, String source) throws ScriptSyntaxException {
    Key key = new Key(scriptId, version);
    synchronized (cache) {
      CompiledHandler cached = cache.get(key);
      // Same id and version means same source; the check guards against a caller that forgot
      // to bump the version, at the cost of one string comparison.
      if (cached != null && cached.source().equals(source)) {
        return cached;
      }
    }
    CompiledHandler compiled =
        new CompiledHandler(scriptId, version, source, sandbox.compile(source));
    synchronized (cache) {
      cache.put(key, compiled);
    }
    return compiled;
  }
}
