package dev.picloud.outbox.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plan checks of the outbox's statements: prepared under their own text, explained whole. */
final class QueryPlans {
  private QueryPlans() {}

  /** {@code sql} with its JDBC {@code ?} placeholders numbered {@code $1, $2, …} for PREPARE. */
  static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char c : sql.toCharArray()) {
      out.append(c == '?' ? "$" + ++n : String.valueOf(c));
    }
    return out.toString();
  }

  /** What an EXPLAIN statement prints, as one text. */
  static String plan(Statement statement, String explain) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(explain)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return String.join("\n", lines);
  }

  /**
   * Prepares the store's claim on this connection as {@code claim_plan}, for {@link #claimPlan}.
   */
  static void prepareClaim(Statement statement) throws SQLException {
    statement.execute(
        "PREPARE claim_plan(text, bigint, text, int) AS " + numbered(OutboxStore.CLAIM));
  }

  /**
   * The plan of a claim of 32 rows under {@code mode} (a {@code plan_cache_mode}): the part that
   * claims, without the join that reads the claimed rows' scripts, whose plan depends on how many
   * scripts there are.
   */
  static String claimPlan(Statement statement, String mode) throws SQLException {
    statement.execute("SET plan_cache_mode = " + mode);
    return subPlan(
        plan(statement, "EXPLAIN EXECUTE claim_plan('node-a', 60000, 'node-a', 32)"),
        "CTE claimed");
  }

  /** The lines of {@code plan} from the one that starts with {@code head} through its children. */
  private static String subPlan(String plan, String head) {
    List<String> lines = new ArrayList<>();
    int depth = -1;
    for (String line : plan.split("\n")) {
      int indent = line.length() - line.stripLeading().length();
      if (depth < 0 && line.stripLeading().startsWith(head)) {
        depth = indent;
      } else if (depth >= 0 && indent <= depth) {
        break;
      }
      if (depth >= 0) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      throw new AssertionError("no \"" + head + "\" in the plan:\n" + plan);
    }
    return String.join("\n", lines);
  }
}
