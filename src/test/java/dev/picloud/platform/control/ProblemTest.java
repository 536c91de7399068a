package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void problemTypeIsDerivedFromItsStableCode() {
    Problem problem = Problem.of(409, "host_claimed", "Conflict", "example.com is taken.");

    assertThat(problem)
        .isEqualTo(
            new Problem(
                "urn:picloud:problem:host_claimed",
                "Conflict",
                409,
                "example.com is taken.",
                "host_claimed",
                null,
                null));
  }

  @Test
  void withFieldAndWithIncidentChangeOnlyTheirOwnComponent() {
    Problem base = Problem.of(422, "validation_failed", "Validation failed", "bad");

    Problem both = base.withField("slug").withIncident("inc-1");

    assertThat(both)
        .isEqualTo(
            new Problem(
                base.type(), base.title(), 422, "bad", "validation_failed", "slug", "inc-1"));
    assertThat(base.field()).isNull();
    assertThat(both.withField("name").incident()).isEqualTo("inc-1");
  }

  @Test
  void mediaTypeIsProblemJson() {
    assertThat(Problem.MEDIA_TYPE).isEqualTo("application/problem+json");
  }

  @Test
  void apiExceptionFactoriesUseTheirStatusAndCode() {
    assertThat(ApiException.unauthenticated().problem())
        .returns(401, Problem::status)
        .returns("unauthenticated", Problem::code);
    assertThat(ApiException.forbidden("no").problem())
        .returns(403, Problem::status)
        .returns("forbidden", Problem::code);
    assertThat(ApiException.notFound("App").problem())
        .returns(404, Problem::status)
        .returns("not_found", Problem::code)
        .returns("App not found.", Problem::detail);
    assertThat(ApiException.tooLarge(2048).problem())
        .returns(413, Problem::status)
        .returns("payload_too_large", Problem::code);
    assertThat(ApiException.invalidType("count", "must be an integer").problem())
        .returns(422, Problem::status)
        .returns("invalid_type", Problem::code)
        .returns("count", Problem::field);
  }

  @Test
  void apiExceptionMessageCarriesCodeAndDetail() {
    assertThat(ApiException.conflict("slug_taken", "shop is taken."))
        .hasMessage("slug_taken: shop is taken.");
  }
}
