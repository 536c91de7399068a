package dev.picloud.triggers.control;

import dev.picloud.platform.control.ApiException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ops a KV or docs trigger listens to; empty means any of insert, update and delete. */
public record DataOps(Set<String> ops) {
  private static final Set<String> KNOWN = Set.of("insert", "update", "delete");

  public static DataOps of(List<String> names) {
    Set<String> ops = new TreeSet<>();
    for (String name : names == null ? List.<String>of() : names) {
      if (!KNOWN.contains(name)) {
        throw ApiException.invalid("ops", "ops may contain insert, update and delete only.");
      }
      ops.add(name);
    }
    return new DataOps(Set.copyOf(ops));
  }

  public boolean matches(String op) {
    return ops.isEmpty() || ops.contains(op);
  }
}
