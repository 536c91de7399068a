package dev.picloud.testing;

import dev.picloud.platform.control.Migrations;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated PostgreSQL for store integration tests that need no Liberty: one throwaway embedded
 * server per test JVM. Sessions run in a non-UTC time zone so timestamp mistakes show.
 */
public final class TestDatabase {
  /** Far from UTC and with a half-hour offset, so a lost offset cannot go unnoticed. */
  public static final String SESSION_TIME_ZONE = "Asia/Kolkata";

  private static DataSource dataSource;

  private TestDatabase() {}

  public static synchronized DataSource get() {
    if (dataSource == null) {
      EmbeddedDatabase database = EmbeddedDatabase.throwaway();
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "picloud-test-db-stop"));
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(database.jdbcUrl());
      ds.setUser(EmbeddedDatabase.USER);
      ds.setPassword(EmbeddedDatabase.PASSWORD);
      ds.setOptions("-c TimeZone=" + SESSION_TIME_ZONE);
      ds.setStringType("unspecified");
      try {
        Migrations.apply(ds);
      } catch (Exception e) {
        throw new IllegalStateException("migrations failed on the test database", e);
      }
      dataSource = ds;
    }
    return dataSource;
  }
}
