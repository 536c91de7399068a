package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The claim reads the partial due index in order and updates by primary key, with a deep queue of
 * which most rows are claimed: both the plan for known values and the generic plan a prepared
 * statement may end up with (which guesses the LIMIT, and once chose to hash-join a full scan).
 */
class ClaimPlanIT {
  private final OutboxDb outbox = new OutboxDb();

  @Test
  void claimWalksTheDueIndexForCustomAndGenericPlans() throws SQLException {
    UUID app = outbox.newApp();
    outbox.enqueue(app, 20_000);
    outbox.store.claim("busy-node", 15_000, OutboxDb.LONG_LEASE);
    Jdbc.update(outbox.db, "ANALYZE outbox");

    try (Connection connection = outbox.db.getConnection();
        Statement statement = connection.createStatement()) {
      QueryPlans.prepareClaim(statement);
      String custom = QueryPlans.claimPlan(statement, "force_custom_plan");
      String generic = QueryPlans.claimPlan(statement, "force_generic_plan");

      for (String plan : List.of(custom, generic)) {
        assertThat(plan)
            .contains("Index Scan using outbox_due_idx")
            .containsPattern("Index Scan (on|using) outbox_pkey")
            .doesNotContain("Sort")
            .doesNotContain("Seq Scan");
      }
    }
  }
}
