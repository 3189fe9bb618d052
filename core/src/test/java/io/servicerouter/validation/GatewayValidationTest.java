package io.servicerouter.validation;

import static io.servicerouter.validation.Fixtures.problems;
import static io.servicerouter.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayValidationTest {

  private static final String KIND = "Gateway";
  private static final String MINIMAL = """
      apiVersion: routing.router.io/v1alpha1
      kind: Gateway
      metadata:
        name: public
        namespace: istio-system
      spec:
        controller: istio-ingressgateway
        credentialName: wildcard-tls
        targetPostfix: external
      """;
  private static final String SELECTOR = "spec.allowedRoutes.namespaces.selector";
  private static final String VALUES_RULE =
      "values must be non-empty for In and NotIn, and empty for Exists and DoesNotExist";

  private static String withNamespaces(String namespaces) {
    return MINIMAL + "  allowedRoutes:\n    namespaces:\n" + namespaces.indent(6);
  }

  private static String withExpressions(String expressions) {
    return withNamespaces("from: Selector\nselector:\n  matchExpressions:\n" + expressions.indent(4));
  }

  @Test
  void minimalGatewayIsValidAndGetsNoAllowedRoutes() {
    Validated validated = validate(KIND, MINIMAL);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object()).isEqualTo(Fixtures.yaml(MINIMAL));
  }

  @Test
  void fromIsDefaultedToAllInsideNamespaces() {
    Validated validated = validate(KIND, MINIMAL + "  allowedRoutes:\n    namespaces: {}\n");

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object().at("/spec/allowedRoutes/namespaces/from").asText()).isEqualTo("All");
  }

  @Test
  void emptyAllowedRoutesGetsNoNamespaces() {
    Validated validated = validate(KIND, MINIMAL + "  allowedRoutes: {}\n");

    assertThat(validated.object().at("/spec/allowedRoutes")).isEqualTo(Fixtures.yaml("{}"));
  }

  @Test
  void requiredStringsMustNotBeEmpty() {
    String invalid = MINIMAL.replace("controller: istio-ingressgateway", "controller: \"\"")
        .replace("credentialName: wildcard-tls", "credentialName: \"\"");

    assertThat(problems(KIND, invalid)).containsExactly(
        "spec.controller: Invalid value: \"\": must have at least 1 characters",
        "spec.credentialName: Invalid value: \"\": must have at least 1 characters");
    assertThat(problems(KIND, MINIMAL.replace("  targetPostfix: external\n", "")))
        .containsExactly("spec.targetPostfix: Required value");
  }

  @Test
  void unknownFromIsUnsupported() {
    assertThat(problems(KIND, withNamespaces("from: Any"))).containsExactly(
        "spec.allowedRoutes.namespaces.from: Unsupported value: \"Any\": supported values: \"All\", \"Same\", \"Selector\"");
  }

  @Test
  void selectorIsRequiredWhenFromIsSelector() {
    assertThat(problems(KIND, withNamespaces("from: Selector")))
        .containsExactly(SELECTOR + ": selector is required when from is Selector");
    assertThat(problems(KIND, withNamespaces("from: Selector\nselector: {}"))).isEmpty();
    assertThat(problems(KIND, withNamespaces("from: Same"))).isEmpty();
  }

  @Test
  void matchExpressionValuesMustFitTheOperator() {
    String expressions = """
        - {key: team, operator: In}
        - {key: team, operator: NotIn, values: [a]}
        - {key: team, operator: Exists, values: [a]}
        - {key: team, operator: DoesNotExist, values: []}
        - {key: team, operator: NotIn, values: []}
        """;

    assertThat(problems(KIND, withExpressions(expressions))).containsExactly(
        SELECTOR + ".matchExpressions[0]: " + VALUES_RULE,
        SELECTOR + ".matchExpressions[2]: " + VALUES_RULE,
        SELECTOR + ".matchExpressions[4]: " + VALUES_RULE);
  }

  @Test
  void matchExpressionFieldsAreChecked() {
    String expressions = """
        - {key: "", operator: Exists}
        - {operator: Equals, values: [a]}
        """;

    assertThat(problems(KIND, withExpressions(expressions))).containsExactly(
        SELECTOR + ".matchExpressions[0].key: Invalid value: \"\": must have at least 1 characters",
        SELECTOR + ".matchExpressions[1].key: Required value",
        SELECTOR + ".matchExpressions[1].operator: Unsupported value: \"Equals\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"");
  }

  @Test
  void matchLabelValuesMustBeStrings() {
    assertThat(problems(KIND, withNamespaces("from: Selector\nselector:\n  matchLabels: {team: a, tier: 5}")))
        .containsExactly(SELECTOR + ".matchLabels.tier: Invalid value: 5: must be of type string");
  }

  @Test
  void matchLabelsKeepAnyKey() {
    Validated validated = validate(KIND, withNamespaces("from: Selector\nselector:\n  matchLabels: {team: a}"));

    assertThat(validated.unknownFields()).isEmpty();
    assertThat(validated.object().at("/spec/allowedRoutes/namespaces/selector/matchLabels/team").asText()).isEqualTo("a");
  }
}
