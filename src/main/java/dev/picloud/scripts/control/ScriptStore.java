package dev.picloud.scripts.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What a run needs of a script and its app, in one round trip (the dispatcher's hot path). The
 * source is read apart, only for a version not compiled yet: a warm run never reads it.
 */
@ApplicationScoped
public class ScriptStore {
  /**
   * What a {@link RunnableScript} is read from, for {@code s} (the script) and {@code a} (its app),
   * named apart from any other table's columns of the same statement.
   */
  public static final String RUNNABLE_COLUMNS =
      """
      s.id AS run_script_id, s.app_id AS run_app_id, a.slug AS run_app_slug, s.name AS run_name,
      s.version AS run_version, s.timeout_seconds AS run_timeout_seconds,
      s.limits::text AS run_limits""";

  private static final String FROM_SCRIPTS = " FROM scripts s JOIN apps a ON a.id = s.app_id";

  private static final String FIND_FOR_RUN =
      "SELECT " + RUNNABLE_COLUMNS + FROM_SCRIPTS + " WHERE s.id = ?";

  private static final String FIND_WITH_SOURCE =
      "SELECT " + RUNNABLE_COLUMNS + ", s.source" + FROM_SCRIPTS + " WHERE s.id = ?";

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A script ready to compile and run. {@code limitsJson} holds the per-script overrides. */
  public record RunnableScript(
      UUID id,
      UUID appId,
      String appSlug,
      String name,
      long version,
      Integer timeoutSeconds,
      String limitsJson) {

    /** The script of {@link #RUNNABLE_COLUMNS}; empty where they are NULL (an outer join). */
    public static Optional<RunnableScript> read(ResultSet row) throws SQLException {
      UUID id = row.getObject("run_script_id", UUID.class);
      if (id == null) {
        return Optional.empty();
      }
      return Optional.of(
          new RunnableScript(
              id,
              row.getObject("run_app_id", UUID.class),
              row.getString("run_app_slug"),
              row.getString("run_name"),
              row.getLong("run_version"),
              (Integer) row.getObject("run_timeout_seconds"),
              row.getString("run_limits")));
    }
  }

  /** A script as it is now, with its source: what a version not compiled yet is compiled from. */
  public record SourcedScript(RunnableScript script, String source) {}

  /** The script to run, by id; empty once it is deleted. */
  public Optional<RunnableScript> findForRun(UUID scriptId) {
    return Jdbc.queryOne(
        dataSource, FIND_FOR_RUN, row -> RunnableScript.read(row).orElseThrow(), scriptId);
  }

  /** The script as it is now, source included; empty once it is deleted. */
  public Optional<SourcedScript> findWithSource(UUID scriptId) {
    return Jdbc.queryOne(
        dataSource,
        FIND_WITH_SOURCE,
        row -> new SourcedScript(RunnableScript.read(row).orElseThrow(), row.getString("source")),
        scriptId);
  }
}
