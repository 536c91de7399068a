package dev.picloud.platform.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies {@code db-changelog/} with Liquibase. Its lock table serialises concurrent nodes; the
 * schema version is the number of changesets applied (changesets are numbered consecutively).
 */
public final class Migrations {
  static final String CHANGELOG = "db-changelog/changelog.xml";

  private Migrations() {}

  /** Applies every pending changeset and returns the schema version. */
  public static int apply(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Map<String, Object> scope =
          Map.of(
              Scope.Attr.ui.name(),
              new LoggerUIService(),
              Scope.Attr.resourceAccessor.name(),
              new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
              "liquibase.analytics.enabled",
              false,
              "liquibase.showBanner",
              false);
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .addArgumentValue(
                      ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                  .execute());
      // Liquibase leaves auto-commit off; turning it back on commits, so the container's local
      // transaction has nothing left to roll back when the connection goes back to the pool.
      connection.setAutoCommit(true);
      return schemaVersion(connection);
    }
  }

  private static int schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM databasechangelog")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
