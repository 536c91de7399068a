package dev.picloud.kv.control;

import java.util.List;

/** One page of a collection's keys, ascending; {@code nextCursor} is null on the last page. */
public record KvPage(List<String> keys, String nextCursor) {
  public KvPage {
    keys = List.copyOf(keys);
  }
}
