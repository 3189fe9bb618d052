package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The names of the Flux variables {@code --helm-release} gives each zone's provider settings. */
class OperatorHelmReleaseTest {

  @Test
  void aControllerNameBecomesItsVariablesStemInUpperCaseWithUnderscores() {
    assertThat(OperatorHelmRelease.variableStems(List.of("external-dns-weu", "external-dns-fra", "dns")))
        .containsExactly("EXTERNAL_DNS_WEU", "EXTERNAL_DNS_FRA", "DNS");
  }

  @Test
  void aFluxVariableInTheNameKeepsOnlyItsName() {
    assertThat(OperatorHelmRelease.variableStems(List.of("external-dns-${REGION}", "${ZONE}")))
        .containsExactly("EXTERNAL_DNS_REGION", "ZONE");
  }

  @Test
  void stemsAreValidVariableNamesAndUnique() {
    assertThat(OperatorHelmRelease.variableStems(List.of("1st-zone", "a-b", "a--b", "a-b-2", "${}")))
        .containsExactly("ZONE_1ST_ZONE", "A_B", "A_B_2", "A_B_2_2", "ZONE");
  }
}
