package dev.picloud.platform.control;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and, when there are more, the cursor of the next page. */
public record Page<T>(List<T> items, String nextCursor) {
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
