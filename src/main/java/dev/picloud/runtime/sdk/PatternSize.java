package dev.picloud.runtime.sdk;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper bound of the program a regular expression compiles to, read from its text. RE2/J matches
 * in linear time but expands counted repetitions when it compiles, so {@code
 * ((a{1000}){1000}){1000}} would take a script thread's time and memory before matching began (and
 * no hook runs inside the compiler). Atoms count one, a group the sum of its parts, a counted
 * repetition multiplies what it repeats by its largest count.
 */
final class PatternSize {
  private PatternSize() {}

  static long estimate(String pattern) {
    Deque<long[]> groups = new ArrayDeque<>();
    long[] current = {0, 0};
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        current = atom(current, 1);
        i += 2;
      } else if (c == '[') {
        i = classEnd(pattern, i);
        current = atom(current, 1);
      } else if (c == '(') {
        groups.push(current);
        current = new long[] {0, 0};
        i++;
      } else if (c == ')' && !groups.isEmpty()) {
        long size = current[0];
        current = atom(groups.pop(), Math.max(size, 1));
        i++;
      } else if (c == '{' && repeatEnd(pattern, i) > i) {
        int end = repeatEnd(pattern, i);
        current[0] += current[1] * (largestCount(pattern.substring(i + 1, end)) - 1);
        current[1] = current[1] * largestCount(pattern.substring(i + 1, end));
        i = end + 1;
      } else {
        current = atom(current, 1);
        i++;
      }
      if (current[0] < 0 || current[0] > Integer.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
    }
    return current[0];
  }

  /** {total, size of the last atom}: a new atom of {@code size} added to the sequence. */
  private static long[] atom(long[] sequence, long size) {
    return new long[] {sequence[0] + size, size};
  }

  private static int classEnd(String pattern, int from) {
    int i = from + 1;
    if (i < pattern.length() && pattern.charAt(i) == ']') {
      i++;
    }
    while (i < pattern.length() && pattern.charAt(i) != ']') {
      i += pattern.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  /** The closing brace of {@code {n}}, {@code {n,}} or {@code {n,m}}, or -1 if it is a literal. */
  private static int repeatEnd(String pattern, int from) {
    int end = pattern.indexOf('}', from);
    return end > from + 1 && pattern.substring(from + 1, end).matches("\\d+(,\\d*)?") ? end : -1;
  }

  private static long largestCount(String counts) {
    String[] parts = counts.split(",", -1);
    String largest = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : parts[0];
    long n = largest.length() > 6 ? 1_000_000 : Long.parseLong(largest);
    return parts.length > 1 && parts[1].isEmpty() ? n + 1 : Math.max(n, 1);
  }
}
