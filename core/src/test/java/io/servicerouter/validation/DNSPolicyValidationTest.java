package io.servicerouter.validation;

import static io.servicerouter.validation.Fixtures.problems;
import static io.servicerouter.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DNSPolicyValidationTest {

  private static final String KIND = "DNSPolicy";
  private static final String HEADER = """
      apiVersion: routing.router.io/v1alpha1
      kind: DNSPolicy
      metadata:
        name: default
        namespace: team-a
      """;

  private static String policy(String spec) {
    return HEADER + "spec:\n" + spec.indent(2);
  }

  @Test
  void modeIsDefaultedEvenWhenSpecIsOmitted() {
    Validated validated = validate(KIND, HEADER);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object().get("spec")).isEqualTo(Fixtures.yaml("mode: Active"));
  }

  @Test
  void nullSpecAndNullModeAreDefaulted() {
    assertThat(validate(KIND, HEADER + "spec: null\n").object().at("/spec/mode").asText()).isEqualTo("Active");
    assertThat(validate(KIND, policy("mode: null")).object().at("/spec/mode").asText()).isEqualTo("Active");
  }

  @Test
  void givenModeIsKept() {
    Validated validated = validate(KIND, policy("mode: RegionBound\nsourceRegion: weu"));

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object().at("/spec/mode").asText()).isEqualTo("RegionBound");
  }

  @Test
  void unknownModeIsUnsupported() {
    assertThat(problems(KIND, policy("mode: Passive")))
        .containsExactly("spec.mode: Unsupported value: \"Passive\": supported values: \"Active\", \"RegionBound\"");
  }

  @Test
  void recordTtlIsBetween1And86400() {
    assertThat(problems(KIND, policy("recordTTL: 0")))
        .containsExactly("spec.recordTTL: Invalid value: 0: must be greater than or equal to 1");
    assertThat(problems(KIND, policy("recordTTL: 86401")))
        .containsExactly("spec.recordTTL: Invalid value: 86401: must be less than or equal to 86400");
    assertThat(problems(KIND, policy("recordTTL: 1"))).isEmpty();
    assertThat(problems(KIND, policy("recordTTL: 86400"))).isEmpty();
  }

  @Test
  void recordTtlMustBeAnInteger() {
    assertThat(problems(KIND, policy("recordTTL: ten")))
        .containsExactly("spec.recordTTL: Invalid value: \"ten\": must be of type integer");
    assertThat(problems(KIND, policy("recordTTL: 1.5")))
        .containsExactly("spec.recordTTL: Invalid value: 1.5: must be of type integer");
  }

  @Test
  void integralFloatIsAcceptedAsAnIntegerAsTheApiServerDoes() {
    assertThat(problems(KIND, policy("recordTTL: 60.0"))).isEmpty();
  }

  @Test
  void regionBoundWithoutSourceRegionFailsTheCelRuleAtItsFieldPath() {
    assertThat(problems(KIND, policy("mode: RegionBound")))
        .containsExactly("spec.sourceRegion: sourceRegion is required when mode is RegionBound");
    assertThat(problems(KIND, policy("mode: RegionBound\nsourceRegion: \"\"")))
        .containsExactly("spec.sourceRegion: sourceRegion is required when mode is RegionBound");
  }

  @Test
  void activeModeNeedsNoSourceRegion() {
    assertThat(problems(KIND, policy("mode: Active"))).isEmpty();
    assertThat(problems(KIND, policy("sourceCluster: aks01"))).isEmpty();
  }

  @Test
  void typeErrorsSkipTheCelRules() {
    assertThat(problems(KIND, policy("mode: RegionBound\nrecordTTL: ten")))
        .containsExactly("spec.recordTTL: Invalid value: \"ten\": must be of type integer");
  }

  @Test
  void wrongTypeWithAnEnumAlsoReportsTheEnum() {
    assertThat(problems(KIND, policy("mode: 5"))).containsExactly(
        "spec.mode: Invalid value: 5: must be of type string",
        "spec.mode: Unsupported value: 5: supported values: \"Active\", \"RegionBound\"");
  }

  @Test
  void minimumViolationsDoNotSkipTheCelRules() {
    assertThat(problems(KIND, policy("mode: RegionBound\nrecordTTL: 0"))).containsExactly(
        "spec.recordTTL: Invalid value: 0: must be greater than or equal to 1",
        "spec.sourceRegion: sourceRegion is required when mode is RegionBound");
  }
}
