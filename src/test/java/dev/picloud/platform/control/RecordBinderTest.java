package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordBinderTest {
  record Command(
      String displayName,
      Boolean enabled,
      Integer count,
      Long total,
      Instant expiresAt,
      UUID appId,
      List<String> tags,
      Set<String> scopes) {}

  record Limits(int maxItems, String label) {}

  record WithNested(String name, Limits limits) {}

  record Primitives(int size, boolean on) {}

  record Patch(PatchValue<String> name, PatchValue<Integer> count, PatchValue<List<String>> tags) {}

  record Raw(JsonValue payload, JsonObject meta) {}

  record Checked(String name) {
    Checked {
      if ("forbidden".equals(name)) {
        throw ApiException.invalid("name", "name must not be 'forbidden'.");
      }
    }
  }

  @Test
  void bindsSnakeCaseKeysToCamelCaseComponents() {
    Command command =
        bind(
            """
            {"display_name": "Shop", "enabled": true, "count": 3, "total": 9000000000,
             "expires_at": "2030-01-01T00:00:00Z",
             "app_id": "123e4567-e89b-12d3-a456-426614174000",
             "tags": ["b", "a"], "scopes": ["script:read"]}
            """,
            Command.class);

    assertThat(command)
        .isEqualTo(
            new Command(
                "Shop",
                true,
                3,
                9_000_000_000L,
                Instant.parse("2030-01-01T00:00:00Z"),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                List.of("b", "a"),
                Set.of("script:read")));
  }

  @Test
  void missingAndNullFieldsAreNull() {
    Command command = bind("{\"display_name\": null}", Command.class);

    assertThat(command).isEqualTo(new Command(null, null, null, null, null, null, null, null));
  }

  @Nested
  class UnknownFields {
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"owner_id", "displayName", "DISPLAY_NAME", "display-name", ""})
    void keyTheRecordDoesNotDeclareIsA400NamingIt(String key) {
      assertFailure("{\"" + key + "\": \"x\"}", Command.class)
          .returns(400, Problem::status)
          .returns("unknown_field", Problem::code)
          .extracting(Problem::detail)
          .asString()
          .contains("'" + key + "'");
    }

    @Test
    void unknownKeyIsRejectedEvenBesideValidOnes() {
      assertFailure("{\"display_name\": \"Shop\", \"instance_role\": \"owner\"}", Command.class)
          .returns("unknown_field", Problem::code);
    }

    @Test
    void unknownKeyInANestedRecordIsNamedWithItsPath() {
      assertFailure("{\"limits\": {\"max_items\": 1, \"extra\": 2}}", WithNested.class)
          .returns(400, Problem::status)
          .returns("unknown_field", Problem::code)
          .extracting(Problem::detail)
          .asString()
          .contains("'limits.extra'");
    }
  }

  @Nested
  class WrongTypes {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            display_name | 42
            display_name | true
            display_name | {}
            display_name | ["Shop"]
            enabled      | "true"
            enabled      | 1
            count        | "3"
            count        | 1.5
            count        | true
            total        | "9000000000"
            expires_at   | "tomorrow"
            expires_at   | "2030-01-01"
            expires_at   | 1893456000
            app_id       | "not-a-uuid"
            app_id       | 42
            tags         | "a"
            tags         | {"a": 1}
            scopes       | "script:read"
            """)
    void valueOfTheWrongJsonTypeIsA422NamingTheField(String field, String json) {
      assertFailure("{\"" + field + "\": " + json + "}", Command.class)
          .returns(422, Problem::status)
          .returns("invalid_type", Problem::code)
          .returns(field, Problem::field);
    }

    @Test
    void wrongItemTypeNamesTheItem() {
      assertFailure("{\"tags\": [\"a\", 2]}", Command.class)
          .returns("invalid_type", Problem::code)
          .returns("tags[1]", Problem::field);
    }

    @Test
    void wrongTypeInANestedRecordIsNamedWithADottedPath() {
      assertFailure("{\"limits\": {\"max_items\": \"many\"}}", WithNested.class)
          .returns(422, Problem::status)
          .returns("invalid_type", Problem::code)
          .returns("limits.max_items", Problem::field);
    }

    @Test
    void nestedRecordGivenAsAScalarIsAWrongType() {
      assertFailure("{\"limits\": 5}", WithNested.class)
          .returns("invalid_type", Problem::code)
          .returns("limits", Problem::field);
    }

    @Test
    void jsonObjectComponentRejectsAnArray() {
      assertFailure("{\"meta\": [1]}", Raw.class)
          .returns("invalid_type", Problem::code)
          .returns("meta", Problem::field);
    }
  }

  @Nested
  class Integers {
    @ParameterizedTest(name = "count = {0}")
    @ValueSource(strings = {"2147483647", "-2147483648", "0"})
    void intLimitsAreAccepted(String json) {
      assertThat(bind("{\"count\": " + json + "}", Command.class).count())
          .isEqualTo(Integer.parseInt(json));
    }

    @ParameterizedTest(name = "total = {0}")
    @ValueSource(strings = {"9223372036854775807", "-9223372036854775808"})
    void longLimitsAreAccepted(String json) {
      assertThat(bind("{\"total\": " + json + "}", Command.class).total())
          .isEqualTo(Long.parseLong(json));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
      "count, 2147483648",
      "count, -2147483649",
      "count, 99999999999999999999999",
      "total, 9223372036854775808",
      "total, -9223372036854775809"
    })
    void integersOutOfRangeAreA422NamingTheField(String field, String json) {
      assertFailure("{\"" + field + "\": " + json + "}", Command.class)
          .returns(422, Problem::status)
          .returns(field, Problem::field)
          .extracting(Problem::detail)
          .asString()
          .contains("out of range");
    }

    @Test
    void hugeExponentIsRejectedWithoutBuildingTheNumber() {
      assertFailure("{\"count\": 1e1000000000}", Command.class)
          .returns(422, Problem::status)
          .returns("count", Problem::field);
    }
  }

  @Nested
  class Values {
    @Test
    void instantsKeepFractionsOfASecond() {
      assertThat(bind("{\"expires_at\": \"2030-06-01T12:30:00.123Z\"}", Command.class).expiresAt())
          .isEqualTo(Instant.parse("2030-06-01T12:30:00.123Z"));
    }

    @Test
    void listsKeepOrderAndDuplicates() {
      assertThat(bind("{\"tags\": [\"b\", \"a\", \"b\"]}", Command.class).tags())
          .containsExactly("b", "a", "b");
    }

    @Test
    void setsDropDuplicates() {
      assertThat(
              bind("{\"scopes\": [\"log:read\", \"log:read\", \"app:admin\"]}", Command.class)
                  .scopes())
          .containsExactlyInAnyOrder("log:read", "app:admin");
    }

    @Test
    void emptyArrayIsAnEmptyCollection() {
      Command command = bind("{\"tags\": [], \"scopes\": []}", Command.class);

      assertThat(command.tags()).isEmpty();
      assertThat(command.scopes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tags", "scopes"})
    void nullItemInACollectionIsA422NamingTheField(String field) {
      assertFailure("{\"" + field + "\": [\"a\", null]}", Command.class)
          .returns(422, Problem::status)
          .returns(field, Problem::field);
    }

    @Test
    void nestedRecordsAreBoundFromSnakeCase() {
      WithNested bound =
          bind("{\"name\": \"n\", \"limits\": {\"max_items\": 7}}", WithNested.class);

      assertThat(bound).isEqualTo(new WithNested("n", new Limits(7, null)));
    }

    @Test
    void jsonValueComponentsTakeAnyJson() {
      Raw raw = bind("{\"payload\": [1, \"two\"], \"meta\": {\"k\": true}}", Raw.class);

      assertThat(raw.payload()).isEqualTo(Json.createArrayBuilder().add(1).add("two").build());
      assertThat(raw.meta()).isEqualTo(Json.createObjectBuilder().add("k", true).build());
    }

    @Test
    void compactConstructorFailureReachesTheCallerUnwrapped() {
      assertFailure("{\"name\": \"forbidden\"}", Checked.class)
          .returns(422, Problem::status)
          .returns("name", Problem::field);
    }
  }

  @Nested
  class RequiredPrimitives {
    @Test
    void presentPrimitivesBind() {
      assertThat(bind("{\"size\": 4, \"on\": true}", Primitives.class))
          .isEqualTo(new Primitives(4, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            {"on": true}               | size
            {"size": null, "on": true} | size
            {"size": 4}                | on
            {"size": 4, "on": null}    | on
            """)
    void missingOrNullPrimitiveIsA422NamingTheField(String json, String field) {
      assertFailure(json, Primitives.class)
          .returns(422, Problem::status)
          .returns("validation_failed", Problem::code)
          .returns(field, Problem::field);
    }

    @Test
    void primitiveInANestedRecordIsRequiredUnderItsDottedName() {
      assertFailure("{\"limits\": {\"label\": \"x\"}}", WithNested.class)
          .returns(422, Problem::status)
          .returns("limits.max_items", Problem::field);
    }
  }

  @Nested
  class PatchValues {
    @Test
    void absentFieldIsAbsentNeverNull() {
      Patch patch = bind("{}", Patch.class);

      assertThat(patch.name()).isNotNull().returns(false, PatchValue::present);
      assertThat(patch.count()).isNotNull().returns(false, PatchValue::present);
      assertThat(patch.tags()).isNotNull().returns(false, PatchValue::present);
    }

    @Test
    void presentNullIsPresentWithANullValue() {
      Patch patch = bind("{\"name\": null, \"tags\": null}", Patch.class);

      assertThat(patch.name()).isEqualTo(new PatchValue<>(true, null));
      assertThat(patch.tags()).isEqualTo(new PatchValue<>(true, null));
      assertThat(patch.count().present()).isFalse();
    }

    @Test
    void presentValueIsPresentWithItsConvertedValue() {
      Patch patch = bind("{\"name\": \"x\", \"count\": 2, \"tags\": [\"t\"]}", Patch.class);

      assertThat(patch.name()).isEqualTo(PatchValue.of("x"));
      assertThat(patch.count()).isEqualTo(PatchValue.of(2));
      assertThat(patch.tags()).isEqualTo(PatchValue.of(List.of("t")));
    }

    @Test
    void presentValueOfTheWrongTypeIsA422NamingTheField() {
      assertFailure("{\"count\": \"two\"}", Patch.class)
          .returns("invalid_type", Problem::code)
          .returns("count", Problem::field);
    }

    @Test
    void ifPresentRunsOnlyForPresentFields() {
      Patch patch = bind("{\"name\": null}", Patch.class);
      StringBuilder seen = new StringBuilder();

      patch.name().ifPresent(value -> seen.append("name=").append(value).append(';'));
      patch.count().ifPresent(value -> seen.append("count=").append(value).append(';'));

      assertThat(seen).hasToString("name=null;");
    }
  }

  private static <R extends Record> R bind(String json, Class<R> type) {
    return RecordBinder.bind(object(json), type);
  }

  private static AbstractObjectAssert<?, Problem> assertFailure(
      String json, Class<? extends Record> type) {
    JsonObject object = object(json);
    return assertThatThrownBy(() -> RecordBinder.bind(object, type))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem());
  }

  private static JsonObject object(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
