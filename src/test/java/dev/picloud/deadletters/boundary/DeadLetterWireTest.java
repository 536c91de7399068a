package dev.picloud.deadletters.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.deadletters.control.DeadLetter;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.RecordBinder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire records under the admin API's JSON rules (snake_case, UTC instants, no nulls). */
class DeadLetterWireTest {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false));
  private static final Instant AT = Instant.parse("2030-01-02T03:04:05.123456Z");

  @Test
  void theDetailCarriesPayloadHistoryAndResolutionUnderSnakeCaseNames() {
    UUID replay = UUID.randomUUID();
    JsonObject json =
        write(
            DeadLetterView.of(
                deadLetter(
                    AT, "replayed", replay, "{\"request\": {\"n\": 1}}", "[{\"attempt\": 1}]")));

    assertThat(json.getString("source")).isEqualTo("http");
    assertThat(json.getInt("attempt_count")).isEqualTo(3);
    assertThat(json.getString("first_attempt_at")).isEqualTo("2030-01-02T03:04:05.123456Z");
    assertThat(json.getBoolean("resolved")).isTrue();
    assertThat(json.getString("resolution")).isEqualTo("replayed");
    assertThat(json.getString("replay_execution_id")).isEqualTo(replay.toString());
    assertThat(json.getJsonObject("payload").getJsonObject("request").getInt("n")).isEqualTo(1);
    assertThat(json.getJsonArray("errors")).hasSize(1);
  }

  @Test
  void aListItemOfAnUnresolvedRowLeavesOutWhatItDoesNotHave() {
    JsonObject json = write(DeadLetterView.of(deadLetter(null, null, null, null, null)));

    assertThat(json.getBoolean("resolved")).isFalse();
    assertThat(json).doesNotContainKeys("payload", "errors", "resolved_at", "resolution");
  }

  @Test
  void answersOfCountReplayAndBulkActions() {
    UUID outbox = UUID.randomUUID();
    UUID execution = UUID.randomUUID();

    assertThat(write(new DeadLetterCountView(4)).getInt("unresolved")).isEqualTo(4);
    assertThat(write(new ReplayView(outbox, execution)))
        .containsEntry("outbox_id", Json.createValue(outbox.toString()))
        .containsEntry("execution_id", Json.createValue(execution.toString()));
    assertThat(write(new BulkResultView(7, 7)).getInt("outbox_rows")).isEqualTo(7);
    assertThat(write(new BulkResultView(7, null))).containsOnlyKeys("count");
  }

  @Test
  void commandsBindFromSnakeCaseAndRefuseUnknownFieldsAndWrongTypes() {
    UUID script = UUID.randomUUID();
    ResolveDeadLetters command =
        RecordBinder.bind(
            read(
                "{\"reason\": \"ignored\", \"note\": \"n\", \"script_id\": \""
                    + script
                    + "\", \"error\": \"boom\", \"created_before\": \"2030-01-01T00:00:00Z\"}"),
            ResolveDeadLetters.class);
    assertThat(command.scriptId()).isEqualTo(script);
    assertThat(command.createdBefore()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(RecordBinder.bind(read("{}"), ReplayDeadLetters.class).source()).isNull();

    assertThatThrownBy(
            () ->
                RecordBinder.bind(
                    read("{\"reason\": \"ignored\", \"x\": 1}"), ResolveDeadLetter.class))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    assertThatThrownBy(
            () -> RecordBinder.bind(read("{\"trigger_id\": 5}"), ReplayDeadLetters.class))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().status()).isEqualTo(422));
  }

  private static DeadLetter deadLetter(
      Instant resolvedAt, String resolution, UUID replay, String payload, String errors) {
    UUID execution = UUID.randomUUID();
    return new DeadLetter(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "http",
        "POST",
        UUID.randomUUID(),
        UUID.randomUUID(),
        3,
        AT,
        AT,
        "Error: boom",
        execution,
        execution,
        resolvedAt,
        resolution,
        null,
        replay,
        AT,
        payload,
        errors);
  }

  private static JsonObject write(Object view) {
    return read(JSONB.toJson(view));
  }

  private static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
