package dev.picloud.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Holds an app's drain still, so that what is measured meanwhile is ingest alone: the async figure
 * otherwise shares the machine with the drain of what it enqueues. A transaction locks the one KV
 * row a hot async route's script writes; the settles of its runs wait on that lock, and once {@code
 * slots × 2} runs wait unsettled the dispatcher claims nothing more (RowRuns' UNSETTLED_PER_SLOT).
 * Closing rolls the lock back and the app drains again.
 */
final class HeldDrain implements AutoCloseable {
  static final String HOT_SCRIPT = "kv.collection('held').set('row', 1); return 1;";
  static final String HOT_PATH = "/hot";

  private static final String CLAIMED =
      "SELECT count(*) FROM outbox WHERE app_id = ?::uuid AND claimed_by IS NOT NULL";

  private final BenchServer db;
  private final String appId;
  private final Connection lock;

  private HeldDrain(BenchServer db, String appId, Connection lock) {
    this.db = db;
    this.appId = appId;
    this.lock = lock;
  }

  /**
   * Holds the drain of {@code appId}, whose route {@link #HOT_PATH} runs {@link #HOT_SCRIPT} and
   * has run once (the KV row exists).
   */
  static HeldDrain hold(BenchServer db, String appId, URI base, String host, int slots)
      throws Exception {
    Connection lock = db.connect();
    try {
      lock.setAutoCommit(false);
      try (PreparedStatement row =
          lock.prepareStatement("SELECT 1 FROM kv_entries WHERE app_id = ?::uuid FOR UPDATE")) {
        row.setString(1, appId);
        try (ResultSet locked = row.executeQuery()) {
          if (!locked.next()) {
            throw new IllegalStateException("the hot route has not written its KV row yet");
          }
        }
      }
      new PacedPosts(base.resolve(HOT_PATH), host, "{}").send(1, 20);
      db.awaitCount(CLAIMED, appId, 2L * slots);
      return new HeldDrain(db, appId, lock);
    } catch (Exception e) {
      lock.close();
      throw e;
    }
  }

  /** How many rows of the app are in the outbox: a held drain only adds to them. */
  long queued() throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement count =
            c.prepareStatement("SELECT count(*) FROM outbox WHERE app_id = ?::uuid")) {
      count.setString(1, appId);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (lock) {
      lock.rollback();
    }
  }
}
