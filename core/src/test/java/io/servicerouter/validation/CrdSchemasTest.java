package io.servicerouter.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrdSchemasTest {

  @ParameterizedTest
  @ValueSource(strings = {"ClusterIdentity", "DNSConfiguration", "DNSPolicy", "Gateway", "ServiceRoute"})
  void everyKindHasAValidatorThatChecksItsSpec(String kind) {
    ObjectValidator validator = Fixtures.SCHEMAS.validatorFor(kind);

    assertThat(validator.validate(Fixtures.yaml("kind: " + kind + "\nspec: []\n")).problems())
        .extracting(Problem::toString).containsExactly("spec: Invalid value: []: must be of type object");
  }

  @Test
  void otherKindsAreRejected() {
    assertThatThrownBy(() -> Fixtures.SCHEMAS.validatorFor("Service")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyObjectsCanBeValidated() {
    ObjectValidator validator = Fixtures.SCHEMAS.validatorFor("ServiceRoute");

    assertThatThrownBy(() -> validator.validate(JsonNodeFactory.instance.textNode("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
