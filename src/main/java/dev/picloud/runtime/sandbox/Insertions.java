package dev.picloud.runtime.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text to insert into a source at positions, applied in one pass. None contains a line break, so
 * the script's line numbers survive instrumentation. At one position, text opening a construct
 * (placed after a token) comes before text closing one (placed before a token); openings nest
 * outermost first, closings innermost first.
 */
final class Insertions {
  private record Insertion(int position, boolean closing, int order, String text) {}

  private static final Comparator<Insertion> ORDER =
      Comparator.comparingInt(Insertion::position)
          .thenComparing(Insertion::closing)
          .thenComparingInt(i -> i.closing() ? -i.order() : i.order());

  private final List<Insertion> insertions = new ArrayList<>();

  void open(int position, String text) {
    insertions.add(new Insertion(position, false, insertions.size(), text));
  }

  void close(int position, String text) {
    insertions.add(new Insertion(position, true, insertions.size(), text));
  }

  String applyTo(String source) {
    List<Insertion> sorted = new ArrayList<>(insertions);
    sorted.sort(ORDER);
    StringBuilder out = new StringBuilder(source.length() + 24 * sorted.size());
    int copied = 0;
    for (Insertion insertion : sorted) {
      out.append(source, copied, insertion.position()).append(insertion.text());
      copied = insertion.position();
    }
    return out.append(source, copied, source.length()).toString();
  }
}
