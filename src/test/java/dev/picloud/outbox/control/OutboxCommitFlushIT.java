package dev.picloud.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.kv.control.PinnedDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which outbox writes wait for the WAL flush when they commit, seen from inside their own
 * transaction: an async row's insert does (its 202 promises the row), a claim and a sync row's
 * insert do not (a crash costs a repeat), and the setting ends with the transaction, so the pooled
 * connection's next one waits again.
 */
class OutboxCommitFlushIT {
  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();
  private Connection connection;
  private OutboxStore store;

  @BeforeEach
  void pinOneConnectionThatWaitsForTheFlush() throws SQLException {
    connection = outbox.db.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = on");
    }
    connection.setAutoCommit(false);
    store = new OutboxStore();
    store.dataSource = new PinnedDataSource(connection);
  }

  /** Closing rolls back what a failed test left open, which would hold the next test's cleanup. */
  @AfterEach
  void closeTheConnection() throws SQLException {
    connection.close();
  }

  @Test
  void anAsyncRowWaitsForTheFlushAClaimDoesNotAndTheNextTransactionWaitsAgain()
      throws SQLException {
    store.insertAll(List.of(NewRows.async(app).build()));
    assertThat(synchronousCommit()).isEqualTo("on");
    connection.commit();

    assertThat(store.claim("node-a", 10, OutboxDb.LONG_LEASE)).hasSize(1);
    assertThat(synchronousCommit()).isEqualTo("off");
    connection.commit();

    assertThat(synchronousCommit()).isEqualTo("on");
  }

  @Test
  void aSyncRowDoesNotWaitForTheFlush() throws SQLException {
    store.insertClaimed(List.of(NewRows.sync(app, "node-a").build()), Duration.ofMinutes(1));
    assertThat(synchronousCommit()).isEqualTo("off");
    connection.commit();

    assertThat(synchronousCommit()).isEqualTo("on");
  }

  private String synchronousCommit() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
      row.next();
      return row.getString(1);
    }
  }
}
