package dev.picloud.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.testing.Api;
import dev.picloud.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class OperationsIT {
  private final Api api = TestServer.get().api();

  @Test
  void versionNamesProductSdkApiAndSchema() {
    JsonObject version = api.get("/version").json();
    assertThat(version.getString("product")).isNotBlank();
    assertThat(version.getString("sdk")).isEqualTo("1.0");
    assertThat(version.getString("api")).isEqualTo("1");
    assertThat(version.getInt("schema")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void healthIsLiveAndReadyWithTheSchemaApplied() {
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    Api.Reply ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"").contains("\"UP\"");
  }

  @Test
  void metricsHaveThePlatformsFiguresButNotLibertysPerRequestStatistics() {
    api.get("/version");
    String metrics = api.get("/metrics").body();
    assertThat(metrics).contains("picloud_outbox_depth", "memory_usedHeap_bytes");
    assertThat(metrics).doesNotContain("http_server_request_duration_seconds", "REST_request");
  }

  @Test
  void openApiDescribesTheAdminApiAndHasAUi() {
    JsonObject document = api.with("Accept", "application/json").get("/openapi").json();
    assertThat(document.getJsonObject("paths").keySet())
        .contains("/api/v1/admin/apps", "/api/v1/auth/login", "/api/v1/admin/api-keys");
    assertThat(api.get("/openapi/ui/").status()).isEqualTo(200);
  }
}
