package dev.picloud.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the migrations are applied and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final int PING_SECONDS = 2;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  @Inject DatabaseState state;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    var version = state.schemaVersion();
    if (version.isEmpty()) {
      return response.down().withData("migrations", "not applied").build();
    }
    response.withData("schema", version.getAsInt());
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(PING_SECONDS) ? response.up().build() : response.down().build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
