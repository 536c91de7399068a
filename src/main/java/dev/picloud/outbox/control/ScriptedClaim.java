package dev.picloud.outbox.control;

import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A row claimed by this node (from the table, or a sync row written already claimed) with its
 * script as the claiming statement read it: empty when the script is gone, or is not the row's
 * app's. The dispatcher starts it without reading the script again.
 */
public record ScriptedClaim(ClaimedRow row, Optional<RunnableScript> script) {
  /** The row and script of {@link OutboxSql#WITH_SCRIPTS}. */
  static ScriptedClaim read(ResultSet row) throws SQLException {
    return new ScriptedClaim(ClaimedRow.read(row), RunnableScript.read(row));
  }
}
