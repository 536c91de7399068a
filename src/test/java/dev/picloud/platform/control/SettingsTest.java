package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
  private static Settings settings(Map<String, String> values) {
    return new Settings(new SettingsReader(name -> Optional.ofNullable(values.get(name))));
  }

  @Test
  void defaultsApplyWhenNothingIsConfigured() {
    Settings settings = settings(Map.of());

    assertThat(settings.baseDomain()).isEqualTo("localhost");
    assertThat(settings.adminUsername()).isEqualTo("admin");
    assertThat(settings.adminPassword()).isEmpty();
    assertThat(settings.adminPasswordFile()).isEqualTo("admin-password");
    assertThat(settings.maxBodyBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(settings.maxAdminBodyBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(settings.sessionTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(settings.maxTriggerDepth()).isEqualTo(8);
    assertThat(settings.retryDefaults())
        .isEqualTo(new Settings.RetryDefaults(3, "exponential", 1000, 20));
    assertThat(settings.retention()).isEqualTo(new Settings.Retention(30, 7, 7));
  }

  @Test
  void concurrentExecutionsDefaultToTwicePerCoreAndAtLeastFour() {
    int cores = Runtime.getRuntime().availableProcessors();

    assertThat(settings(Map.of()).maxConcurrentExecutions())
        .isEqualTo(Math.max(4, 2 * cores))
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void generatedNodeIdIsAValidNodeIdAndDiffersPerStart() {
    String first = settings(Map.of()).nodeId();
    String second = settings(Map.of()).nodeId();

    assertThat(first).matches("[A-Za-z0-9._-]{1,64}");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void configuredValuesAreUsed() {
    Map<String, String> values = new HashMap<>();
    values.put("PICLOUD_BASE_DOMAIN", "apps.example.org");
    values.put("PICLOUD_ADMIN_USERNAME", "root");
    values.put("PICLOUD_ADMIN_PASSWORD", "a-long-enough-password");
    values.put("PICLOUD_ADMIN_PASSWORD_FILE", "/var/lib/picloud/admin.txt");
    values.put("PICLOUD_NODE_ID", "node-1.eu_west");
    values.put("PICLOUD_MAX_BODY_BYTES", "2048");
    values.put("PICLOUD_MAX_ADMIN_BODY_BYTES", "4096");
    values.put("PICLOUD_SESSION_TTL_MINUTES", "90");
    values.put("PICLOUD_MAX_CONCURRENT_EXECUTIONS", "17");
    values.put("PICLOUD_MAX_TRIGGER_DEPTH", "0");
    values.put("PICLOUD_TRIGGER_RETRY_MAX_ATTEMPTS", "5");
    values.put("PICLOUD_TRIGGER_RETRY_BACKOFF", "linear");
    values.put("PICLOUD_TRIGGER_RETRY_BASE_MS", "250");
    values.put("PICLOUD_TRIGGER_RETRY_JITTER_PCT", "0");
    values.put("PICLOUD_DEAD_LETTER_RETENTION_DAYS", "90");
    values.put("PICLOUD_ABANDONED_EXECUTIONS_RETENTION_DAYS", "3");
    values.put("PICLOUD_EXECUTION_LOG_RETENTION_DAYS", "14");

    Settings settings = settings(values);

    assertThat(settings.baseDomain()).isEqualTo("apps.example.org");
    assertThat(settings.adminUsername()).isEqualTo("root");
    assertThat(settings.adminPassword()).contains("a-long-enough-password");
    assertThat(settings.adminPasswordFile()).isEqualTo("/var/lib/picloud/admin.txt");
    assertThat(settings.nodeId()).isEqualTo("node-1.eu_west");
    assertThat(settings.maxBodyBytes()).isEqualTo(2048);
    assertThat(settings.maxAdminBodyBytes()).isEqualTo(4096);
    assertThat(settings.sessionTtl()).isEqualTo(Duration.ofMinutes(90));
    assertThat(settings.maxConcurrentExecutions()).isEqualTo(17);
    assertThat(settings.maxTriggerDepth()).isZero();
    assertThat(settings.retryDefaults()).isEqualTo(new Settings.RetryDefaults(5, "linear", 250, 0));
    assertThat(settings.retention()).isEqualTo(new Settings.Retention(90, 3, 14));
  }

  @Test
  void readsTheSpecSection9NamesAndOnlyPicloudNames() {
    List<String> asked = new ArrayList<>();
    new Settings(
        new SettingsReader(
            name -> {
              asked.add(name);
              return Optional.empty();
            }));

    assertThat(asked)
        .allSatisfy(name -> assertThat(name).startsWith("PICLOUD_"))
        .contains(
            "PICLOUD_DB_URL",
            "PICLOUD_HTTP_PORT",
            "PICLOUD_BASE_DOMAIN",
            "PICLOUD_ADMIN_USERNAME",
            "PICLOUD_ADMIN_PASSWORD",
            "PICLOUD_NODE_ID",
            "PICLOUD_MAX_CONCURRENT_EXECUTIONS",
            "PICLOUD_MAX_BODY_BYTES",
            "PICLOUD_MAX_TRIGGER_DEPTH",
            "PICLOUD_TRIGGER_RETRY_MAX_ATTEMPTS",
            "PICLOUD_TRIGGER_RETRY_BACKOFF",
            "PICLOUD_TRIGGER_RETRY_BASE_MS",
            "PICLOUD_TRIGGER_RETRY_JITTER_PCT",
            "PICLOUD_DEAD_LETTER_RETENTION_DAYS",
            "PICLOUD_ABANDONED_EXECUTIONS_RETENTION_DAYS",
            "PICLOUD_EXECUTION_LOG_RETENTION_DAYS");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PICLOUD_HTTP_PORT                           | 0
          PICLOUD_HTTP_PORT                           | 65536
          PICLOUD_HTTP_PORT                           | eighty
          PICLOUD_DB_URL                              | jdbc:mysql://localhost/picloud
          PICLOUD_DB_URL                              | postgres://localhost/picloud
          PICLOUD_BASE_DOMAIN                         | PiCloud.Example
          PICLOUD_BASE_DOMAIN                         | picloud.example:8080
          PICLOUD_ADMIN_USERNAME                      | Admin
          PICLOUD_ADMIN_USERNAME                      | a
          PICLOUD_NODE_ID                             | node 1
          PICLOUD_NODE_ID                             | nodé
          PICLOUD_MAX_BODY_BYTES                      | 1023
          PICLOUD_MAX_BODY_BYTES                      | 536870913
          PICLOUD_MAX_ADMIN_BODY_BYTES                | 1023
          PICLOUD_MAX_ADMIN_BODY_BYTES                | 67108865
          PICLOUD_SESSION_TTL_MINUTES                 | 0
          PICLOUD_SESSION_TTL_MINUTES                 | 525601
          PICLOUD_MAX_CONCURRENT_EXECUTIONS           | 0
          PICLOUD_MAX_CONCURRENT_EXECUTIONS           | 4097
          PICLOUD_MAX_TRIGGER_DEPTH                   | -1
          PICLOUD_MAX_TRIGGER_DEPTH                   | 65
          PICLOUD_TRIGGER_RETRY_MAX_ATTEMPTS          | 0
          PICLOUD_TRIGGER_RETRY_MAX_ATTEMPTS          | 101
          PICLOUD_TRIGGER_RETRY_BACKOFF               | fibonacci
          PICLOUD_TRIGGER_RETRY_BACKOFF               | Exponential
          PICLOUD_TRIGGER_RETRY_BASE_MS               | -1
          PICLOUD_TRIGGER_RETRY_BASE_MS               | 86400001
          PICLOUD_TRIGGER_RETRY_JITTER_PCT            | -1
          PICLOUD_TRIGGER_RETRY_JITTER_PCT            | 101
          PICLOUD_DEAD_LETTER_RETENTION_DAYS          | 0
          PICLOUD_ABANDONED_EXECUTIONS_RETENTION_DAYS | 0
          PICLOUD_EXECUTION_LOG_RETENTION_DAYS        | 3651
          """)
  void invalidValueStopsStartUpNamingTheVariable(String name, String value) {
    assertThatThrownBy(() -> settings(Map.of(name, value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name + " ")
        .hasMessageContaining(value);
  }

  @Test
  void shortAdminPasswordIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> settings(Map.of("PICLOUD_ADMIN_PASSWORD", "hunter2hunt")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("PICLOUD_ADMIN_PASSWORD")
        .hasMessageNotContaining("hunter2hunt");
  }

  @Test
  void adminPasswordOf12CharactersIsAccepted() {
    assertThat(settings(Map.of("PICLOUD_ADMIN_PASSWORD", "twelve-chars")).adminPassword())
        .contains("twelve-chars");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PICLOUD_HTTP_PORT                  | 1
          PICLOUD_HTTP_PORT                  | 65535
          PICLOUD_MAX_BODY_BYTES             | 1024
          PICLOUD_MAX_BODY_BYTES             | 536870912
          PICLOUD_MAX_TRIGGER_DEPTH          | 64
          PICLOUD_TRIGGER_RETRY_BASE_MS      | 0
          PICLOUD_TRIGGER_RETRY_JITTER_PCT   | 100
          PICLOUD_TRIGGER_RETRY_BACKOFF      | constant
          PICLOUD_DB_URL                     | jdbc:postgresql://db.internal:6543/pc?ssl=true
          PICLOUD_ADMIN_USERNAME             | ops.team-1
          """)
  void boundaryValuesAreAccepted(String name, String value) {
    assertThatCode(() -> settings(Map.of(name, value))).doesNotThrowAnyException();
  }
}
