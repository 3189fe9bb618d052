package io.servicerouter.validation;

import static io.servicerouter.validation.Fixtures.problems;
import static io.servicerouter.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusterIdentityValidationTest {

  private static final String KIND = "ClusterIdentity";

  private static String identity(String spec) {
    return """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata:
          name: cluster-identity
        spec:
        """ + spec.indent(2);
  }

  private static final String VALID = identity("""
      region: weu
      cluster: aks01
      domain: example.com
      environmentLetter: p
      adoptsRegions: [neu, frc]
      """);

  @Test
  void validIdentityHasNoProblemsAndIsStoredUnchanged() {
    Validated validated = validate(KIND, VALID);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.unknownFields()).isEmpty();
    assertThat(validated.object()).isEqualTo(Fixtures.yaml(VALID));
  }

  @Test
  void missingRequiredFieldsAreReportedInSchemaOrder() {
    assertThat(problems(KIND, identity("environmentLetter: p\n")))
        .containsExactly("spec.cluster: Required value", "spec.domain: Required value", "spec.region: Required value");
  }

  @Test
  void regionMustBeADns1123Label() {
    assertThat(problems(KIND, VALID.replace("region: weu", "region: Weu")))
        .containsExactly("spec.region: Invalid value: \"Weu\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void patternDollarMatchesOnlyAtTheEndAsInGo() {
    assertThat(problems(KIND, VALID.replace("region: weu", "region: \"weu\\n\"")))
        .containsExactly("spec.region: Invalid value: \"weu\\n\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void clusterLongerThan63CharactersIsTooLong() {
    String cluster = "a".repeat(64);

    assertThat(problems(KIND, VALID.replace("cluster: aks01", "cluster: " + cluster)))
        .containsExactly("spec.cluster: Too long: \"" + cluster + "\": must have at most 63 characters");
    assertThat(problems(KIND, VALID.replace("cluster: aks01", "cluster: " + "a".repeat(63)))).isEmpty();
  }

  @Test
  void domainAndEnvironmentLetterFollowTheirPatterns() {
    String invalid = VALID.replace("domain: example.com", "domain: localhost").replace("environmentLetter: p", "environmentLetter: pp");

    assertThat(problems(KIND, invalid)).containsExactly(
        "spec.domain: Invalid value: \"localhost\": must match pattern ^([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}$",
        "spec.environmentLetter: Invalid value: \"pp\": must match pattern ^[a-z]$");
  }

  @Test
  void adoptedRegionsAreLabels() {
    assertThat(problems(KIND, VALID.replace("[neu, frc]", "[neu, FRC]")))
        .containsExactly("spec.adoptsRegions[1]: Invalid value: \"FRC\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void repeatedAdoptedRegionIsReportedOnceAtItsSecondOccurrence() {
    assertThat(problems(KIND, VALID.replace("[neu, frc]", "[neu, frc, frc, frc, neu]")))
        .containsExactly("spec.adoptsRegions[2]: Duplicate value: \"frc\"", "spec.adoptsRegions[4]: Duplicate value: \"neu\"");
  }

  @Test
  void moreThan32AdoptedRegionsAreTooMany() {
    String regions = IntStream.range(0, 33).mapToObj(i -> "r" + i).collect(Collectors.joining(", ", "[", "]"));

    assertThat(problems(KIND, VALID.replace("[neu, frc]", regions)))
        .containsExactly("spec.adoptsRegions: Too many: 33: must have at most 32 items");
  }

  @Test
  void ownRegionAmongAdoptedRegionsFailsTheCelRuleWithItsMessage() {
    Validated validated = validate(KIND, VALID.replace("[neu, frc]", "[neu, weu]"));

    assertThat(validated.problems()).containsExactly(
        new Problem("spec.adoptsRegions", "adoptsRegions must not contain the cluster's own region"));
    assertThat(validated.problems().get(0))
        .hasToString("spec.adoptsRegions: adoptsRegions must not contain the cluster's own region");
  }

  @Test
  void celRulesStillRunAfterNonBlockingProblems() {
    assertThat(problems(KIND, VALID.replace("[neu, frc]", "[weu, neu, neu]"))).containsExactly(
        "spec.adoptsRegions[2]: Duplicate value: \"neu\"",
        "spec.adoptsRegions: adoptsRegions must not contain the cluster's own region");
  }

  @Test
  void blockingProblemsSkipTheCelRulesAsTheApiServerDoes() {
    String regions = IntStream.range(0, 32).mapToObj(i -> "r" + i).collect(Collectors.joining(", ", "[weu, ", "]"));

    assertThat(problems(KIND, VALID.replace("[neu, frc]", regions)))
        .containsExactly("spec.adoptsRegions: Too many: 33: must have at most 32 items");
  }
}
