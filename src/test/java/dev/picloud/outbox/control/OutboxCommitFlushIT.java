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
 * transaction: an async row's insert and a completion asked to flush do (its 202 promises the row;
 * a settle is a promise too), a claim, a sync row's insert and the delete of an answered sync row
 * do not (a crash costs a repeat, or leaves a row the rescuer deletes), and the setting ends with
 * the transaction, so the pooled connection's next one waits again.
 */
class OutboxCommitFlushIT {
  private final OutboxDb outbox = new OutboxDb();
  private final UUID app = outbox.newApp();
  private Connection connection;
  private OutboxStore store;
  private OutboxSettles settles;

  @BeforeEach
  void pinOneConnectionThatWaitsForTheFlush() throws SQLException {
    connection = outbox.db.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = on");
    }
    connection.setAutoCommit(false);
    store = new OutboxStore();
    store.dataSource = new PinnedDataSource(connection);
    settles = new OutboxSettles();
    settles.dataSource = store.dataSource;
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

  @Test
  void aCompletionWaitsForTheFlushOnlyWhenAskedTo() throws SQLException {
    store.insertAll(List.of(NewRows.async(app).build(), NewRows.async(app).build()));
    connection.commit();
    List<RunnableRow> claimed = store.claim("node-a", 10, OutboxDb.LONG_LEASE);
    connection.commit();

    assertThat(settles.completeAll(List.of(claimed.get(0).row().claim()), true))
        .containsExactly(true);
    assertThat(synchronousCommit()).isEqualTo("on");
    connection.commit();

    assertThat(settles.completeAll(List.of(claimed.get(1).row().claim()), false))
        .containsExactly(true);
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
