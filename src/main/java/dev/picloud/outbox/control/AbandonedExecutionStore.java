package dev.picloud.outbox.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes {@code abandoned_executions}; the table's CHECK refuses a summary the cut missed. */
@ApplicationScoped
public class AbandonedExecutionStore {
  public static final int SUMMARY_BYTES = 4096;

  private static final String INSERT =
      """
      INSERT INTO abandoned_executions (app_id, outbox_id, execution_id, script_id, inbox_id,
        status_code, result_summary)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      RETURNING id
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** Stores the row with its summary cut to 4096 bytes of UTF-8; returns its id. */
  public UUID insert(AbandonedExecution row) {
    return Jdbc.queryOne(
            dataSource,
            INSERT,
            r -> r.getObject("id", UUID.class),
            row.appId(),
            row.outboxId(),
            row.executionId(),
            row.scriptId(),
            row.inboxId(),
            row.statusCode(),
            Utf8Cut.prefix(row.resultSummary(), SUMMARY_BYTES))
        .orElseThrow();
  }
}
