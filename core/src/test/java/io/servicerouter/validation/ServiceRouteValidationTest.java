package io.servicerouter.validation;

import static io.servicerouter.validation.Fixtures.problems;
import static io.servicerouter.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ServiceRouteValidationTest {

  private static final String KIND = "ServiceRoute";
  private static final String VALID = """
      apiVersion: routing.router.io/v1alpha1
      kind: ServiceRoute
      metadata:
        name: web
        namespace: team-a
      spec:
        serviceName: web
        gatewayName: public
        gatewayNamespace: istio-system
        environment: prod
        application: shop
      """;

  @Test
  void validRouteHasNoProblems() {
    Validated validated = validate(KIND, VALID);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.unknownFields()).isEmpty();
    assertThat(validated.object()).isEqualTo(Fixtures.yaml(VALID));
  }

  @Test
  void serviceNameMustBeALabel() {
    assertThat(problems(KIND, VALID.replace("serviceName: web", "serviceName: Web_01")))
        .containsExactly("spec.serviceName: Invalid value: \"Web_01\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void tooLongLabelThatAlsoMismatchesGetsBothProblems() {
    String environment = "P" + "a".repeat(63);

    assertThat(problems(KIND, VALID.replace("environment: prod", "environment: " + environment))).containsExactly(
        "spec.environment: Too long: \"" + environment + "\": must have at most 63 characters",
        "spec.environment: Invalid value: \"" + environment + "\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void problemsFollowRequiredFirstThenInputOrder() {
    String invalid = """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        spec:
          gatewayName: ""
          serviceName: Web
        """;

    assertThat(problems(KIND, invalid)).containsExactly(
        "spec.application: Required value",
        "spec.environment: Required value",
        "spec.gatewayName: Invalid value: \"\": must have at least 1 characters",
        "spec.serviceName: Invalid value: \"Web\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void specIsRequired() {
    assertThat(problems(KIND, "apiVersion: routing.router.io/v1alpha1\nkind: ServiceRoute\nmetadata: {name: web}\n"))
        .containsExactly("spec: Required value");
  }

  @Test
  void specOfTheWrongTypeIsATypeError() {
    assertThat(problems(KIND, "apiVersion: routing.router.io/v1alpha1\nkind: ServiceRoute\nspec: web\n"))
        .containsExactly("spec: Invalid value: \"web\": must be of type object");
  }

  @Test
  void nullFieldsAreDroppedAsIfAbsent() {
    Validated validated = validate(KIND, VALID.replace("gatewayNamespace: istio-system", "gatewayNamespace: null"));

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object().at("/spec").has("gatewayNamespace")).isFalse();
    assertThat(problems(KIND, VALID.replace("gatewayName: public", "gatewayName: null")))
        .containsExactly("spec.gatewayName: Required value");
  }

  @Test
  void inputIsNotModified() {
    ObjectNode input = Fixtures.yaml(VALID + "  foo: bar\nstatus:\n  phase: Active\n");
    ObjectNode copy = input.deepCopy();

    Fixtures.SCHEMAS.validatorFor(KIND).validate(input);

    assertThat(input).isEqualTo(copy);
  }
}
