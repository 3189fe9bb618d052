package io.servicerouter.validation;

import static io.servicerouter.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PruningTest {

  private static final String ROUTE = """
      apiVersion: routing.router.io/v1alpha1
      kind: ServiceRoute
      foo: 1
      metadata:
        name: web
        labels: {app: web}
      spec:
        serviceName: web
        extra:
          nested: true
        gatewayName: public
        environment: prod
        application: shop
      status:
        phase: Active
        bogus: 1
      """;

  @Test
  void unknownFieldsAreDroppedAndReportedInInputOrder() {
    Validated validated = validate("ServiceRoute", ROUTE);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.unknownFields()).containsExactly("foo", "spec.extra");
    assertThat(validated.object().has("foo")).isFalse();
    assertThat(validated.object().at("/spec").has("extra")).isFalse();
  }

  @Test
  void statusIsRemovedWithoutReportingItsFields() {
    Validated validated = validate("ServiceRoute", ROUTE);

    assertThat(validated.object().has("status")).isFalse();
    assertThat(validated.unknownFields()).noneMatch(field -> field.startsWith("status"));
  }

  @Test
  void apiVersionKindAndMetadataAreKeptAsGiven() {
    Validated validated = validate("ServiceRoute", ROUTE);

    assertThat(validated.object().get("apiVersion").asText()).isEqualTo("routing.router.io/v1alpha1");
    assertThat(validated.object().get("kind").asText()).isEqualTo("ServiceRoute");
    assertThat(validated.object().get("metadata")).isEqualTo(Fixtures.yaml("name: web\nlabels: {app: web}"));
  }

  @Test
  void keysOfAMapGivenForAStringArePrunedAsTheApiServerDoes() {
    Validated validated = validate("ServiceRoute", ROUTE.replace("serviceName: web", "serviceName: {a: 1}"));

    assertThat(validated.unknownFields()).containsExactly("foo", "spec.serviceName.a", "spec.extra");
    assertThat(validated.problems()).extracting(Problem::toString)
        .containsExactly("spec.serviceName: Invalid value: {}: must be of type string");
  }

  @Test
  void unknownFieldsInsideListItemsAndNestedObjectsHaveFullPaths() {
    Validated validated = validate("Gateway", """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: public}
        spec:
          controller: istio
          credentialName: tls
          targetPostfix: external
          allowedRoutes:
            namespaces:
              from: Selector
              extra: x
              selector:
                matchExpressions:
                - {key: team, operator: Exists, weight: 1}
        """);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.unknownFields()).containsExactly(
        "spec.allowedRoutes.namespaces.extra", "spec.allowedRoutes.namespaces.selector.matchExpressions[0].weight");
  }
}
