package dev.picloud.outbox.control;

/**
 * What the planner believes the outbox holds ({@code planned}; -1 when never counted, and then it
 * estimates from the table's size) against the live rows the statistics system counts as inserts
 * and deletes commit. A vacuum that finds every row settled records zero rows in the pages the
 * outbox keeps; until the next vacuum or ANALYZE a claim is then planned for an empty table and
 * reads and sorts every due row instead of walking the due index (270 ms per claim of 4 rows behind
 * 136,000).
 */
public record OutboxRowCounts(double planned, long live) {
  /** Below this many rows even a claim that reads every row costs little. */
  public static final long FEW = 1_000;

  /** Whether the planner's count is under a tenth of the live rows, and those are not few. */
  public boolean misleadPlanner() {
    return live >= FEW && planned >= 0 && planned < live / 10.0;
  }
}
