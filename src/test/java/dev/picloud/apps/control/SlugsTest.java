package dev.picloud.apps.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import dev.picloud.platform.control.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "ab",
        "a1",
        "42",
        "my-app",
        "a--b",
        "shop-2024",
        // 40 characters, the longest slug
        "abcdefghij-abcdefghij-abcdefghij-abcdefg",
        // UUID.fromString accepts this, but it is not the 36-character shape of an id
        "1-1-1-1-1",
        // one hex digit short of a UUID
        "123e4567-e89b-12d3-a456-42661417400"
      })
  void validSlugs(String slug) {
    assertThat(Slugs.isValid(slug)).isTrue();
    assertThat(Slugs.require(slug)).isEqualTo(slug);
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @MethodSource
  void invalidSlugs(String why, String slug) {
    assertThat(Slugs.isValid(slug)).isFalse();
    assertThatThrownBy(() -> Slugs.require(slug))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("validation_failed", Problem::code)
        .returns("slug", Problem::field);
  }

  static Stream<Arguments> invalidSlugs() {
    return Stream.of(
        Arguments.of("too short", "a"),
        Arguments.of("41 characters", "abcdefghij-abcdefghij-abcdefghij-abcdefgh"),
        Arguments.of("leading hyphen", "-ab"),
        Arguments.of("trailing hyphen", "ab-"),
        Arguments.of("hyphens only", "--"),
        Arguments.of("upper case", "My-App"),
        Arguments.of("all upper case", "AB"),
        Arguments.of("underscore", "a_b"),
        Arguments.of("dot", "a.b"),
        Arguments.of("space", "a b"),
        Arguments.of("leading space", " ab"),
        Arguments.of("trailing newline", "ab\n"),
        Arguments.of("non-ASCII letter", "café"),
        Arguments.of("slash", "a/b"),
        Arguments.of("UUID", "123e4567-e89b-12d3-a456-426614174000"),
        Arguments.of("nil UUID", "00000000-0000-0000-0000-000000000000"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingSlugIsInvalid(String slug) {
    assertThat(Slugs.isValid(slug)).isFalse();
    assertThatThrownBy(() -> Slugs.require(slug)).isInstanceOf(ApiException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123e4567-e89b-12d3-a456-426614174000",
        "123E4567-E89B-12D3-A456-426614174000",
        "00000000-0000-0000-0000-000000000000"
      })
  void canonicalUuidsLookLikeUuids(String value) {
    assertThat(Ids.isUuid(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"my-app", "1-1-1-1-1", "123e4567-e89b-12d3-a456-42661417400", "", "uuid"})
  void slugsDoNotLookLikeUuids(String value) {
    assertThat(Ids.isUuid(value)).isFalse();
  }

  @Test
  void everyNonUuidShapedSlugOfLength36IsStillAccepted() {
    String slug = "a".repeat(36);

    assertThat(Ids.isUuid(slug)).isFalse();
    assertThat(Slugs.isValid(slug)).isTrue();
  }
}
