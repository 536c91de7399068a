package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "name, name",
    "appId, app_id",
    "expiresAt, expires_at",
    "lastUsedAt, last_used_at",
    "retryMaxAttempts, retry_max_attempts",
    "maxItems2, max_items2",
    "already_snake, already_snake"
  })
  void camelCaseComponentNamesTravelAsSnakeCase(String camelCase, String snakeCase) {
    assertThat(JsonNames.snakeCase(camelCase)).isEqualTo(snakeCase);
  }
}
