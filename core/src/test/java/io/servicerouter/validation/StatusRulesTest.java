package io.servicerouter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.validation.StatusRules.Violation;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

  private static final String LONG_NAME = "n".repeat(64);

  @Test
  void aValidGatewayBreaksNoRule() {
    assertThat(StatusRules.gateway("default-gateway", "aks-istio-ingress", "internal-1")).isEmpty();
    assertThat(StatusRules.gateway("n".repeat(63), "c".repeat(63), "a-b-c")).isEmpty();
  }

  @Test
  void absentValuesAreLeftToTheSchema() {
    assertThat(StatusRules.gateway(null, null, null)).isEmpty();
    assertThat(StatusRules.serviceRoute(null)).isEmpty();
  }

  @Test
  void aGatewayControllerMustBeADns1123Label() {
    assertThat(StatusRules.gateway("gw", "Istio_Ingress", "internal")).containsExactly(new Violation(
        new Problem("spec.controller", "Invalid value: \"Istio_Ingress\": must be a DNS-1123 label: lowercase"
            + " alphanumerics and '-', starting and ending with an alphanumeric"),
        "controller must be a DNS-1123 label: Istio_Ingress"));
    assertThat(StatusRules.gateway("gw", "-ingress", "internal")).extracting(Violation::message)
        .containsExactly("controller must be a DNS-1123 label: -ingress");
    assertThat(StatusRules.gateway("gw", "", "internal")).extracting(Violation::message)
        .containsExactly("controller must be a DNS-1123 label: ");
  }

  @Test
  void aGatewayControllerOver63CharactersIsTooLong() {
    String controller = "c".repeat(64);
    assertThat(StatusRules.gateway("gw", controller, "internal")).containsExactly(new Violation(
        new Problem("spec.controller", "Too long: \"" + controller + "\": must have at most 63 characters"),
        "controller must be a DNS-1123 label: " + controller));
  }

  @Test
  void aGatewayTargetPostfixMustBeLowercaseAlphanumericWithHyphens() {
    assertThat(StatusRules.gateway("gw", "ingress", "ext.ernal")).containsExactly(new Violation(
        new Problem("spec.targetPostfix", "Invalid value: \"ext.ernal\": must be lowercase alphanumeric with hyphens"),
        "targetPostfix must be lowercase alphanumeric with hyphens: ext.ernal"));
    assertThat(StatusRules.gateway("gw", "ingress", "Internal")).hasSize(1);
    assertThat(StatusRules.gateway("gw", "ingress", "a--b")).hasSize(1);
    assertThat(StatusRules.gateway("gw", "ingress", "internal-")).hasSize(1);
  }

  @Test
  void aGatewayNameHasAtMost63Characters() {
    assertThat(StatusRules.gateway(LONG_NAME, "ingress", "internal")).containsExactly(new Violation(
        new Problem("metadata.name", "Too long: \"" + LONG_NAME + "\": must have at most 63 characters"),
        "metadata.name must be no more than 63 characters"));
  }

  @Test
  void aGatewayReportsEveryBrokenRuleInOrder() {
    assertThat(StatusRules.gateway(LONG_NAME, "Bad_Controller", "Internal_1")).extracting(v -> v.problem().field())
        .containsExactly("spec.controller", "spec.targetPostfix", "metadata.name");
  }

  @Test
  void aServiceRouteNameHasAtMost63Characters() {
    assertThat(StatusRules.serviceRoute("n".repeat(63))).isEmpty();
    assertThat(StatusRules.serviceRoute(LONG_NAME)).containsExactly(new Violation(
        new Problem("metadata.name", "Too long: \"" + LONG_NAME + "\": must have at most 63 characters"),
        "metadata.name must be no more than 63 characters"));
  }
}
