package dev.picloud.outbox.control;

import dev.picloud.scripts.control.ScriptStore;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A row this node has claimed, with its script as the statement that claimed it read it (empty when
 * the script is gone): a claim from the table, or a sync row's insert, which writes it already
 * claimed. The dispatcher starts it without reading the script again.
 */
public record RunnableRow(ClaimedRow row, Optional<RunnableScript> script) {

  /**
   * The row of {@link OutboxSql#CLAIMED_COLUMNS} with its script of {@link
   * ScriptStore#RUNNABLE_COLUMNS} (outer-joined).
   */
  static RunnableRow read(ResultSet r) throws SQLException {
    return new RunnableRow(ClaimedRow.read(r), RunnableScript.read(r));
  }
}
