package dev.picloud.deadletters.control;

import dev.picloud.platform.control.Jdbc;
import dev.picloud.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The dead-letter stores wired to the test database, with the apps a test made (deleted, with
 * everything they own, by {@link #dropApps}).
 */
final class DeadLetterDb {
  final DataSource db = TestDatabase.get();
  final DeadLetterStore store = new DeadLetterStore();
  final DeadLetterResolutionStore resolutions = new DeadLetterResolutionStore();
  private final List<UUID> apps = new ArrayList<>();

  DeadLetterDb() {
    store.dataSource = db;
    resolutions.dataSource = db;
  }

  UUID newApp() {
    UUID id = UUID.randomUUID();
    Jdbc.update(
        db,
        "INSERT INTO apps (id, slug, name) VALUES (?, ?, 'dead letter test')",
        id,
        "d" + id.toString().substring(0, 8));
    apps.add(id);
    return id;
  }

  void dropApps() {
    for (UUID app : apps) {
      Jdbc.update(db, "DELETE FROM apps WHERE id = ?", app);
    }
  }

  int count(String sql, Object... params) {
    return Jdbc.queryOne(db, sql, r -> r.getInt(1), params).orElseThrow();
  }

  String text(String sql, Object... params) {
    return Jdbc.queryOne(db, sql, r -> r.getString(1), params).orElseThrow();
  }
}
