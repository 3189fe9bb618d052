package io.servicerouter.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interpreter on small hand-written schemas, for behaviour the five CRDs do not reach. */
class SchemaInterpreterTest {

  private static ObjectValidator validator(String specSchema) {
    String root = "type: object\nproperties:\n  spec:\n" + specSchema.indent(4);
    return new ObjectValidator(SchemaNode.compile(Fixtures.yaml(root), Paths.ROOT));
  }

  private static List<String> problems(ObjectValidator validator, String spec) {
    return validator.validate(Fixtures.yaml("spec:\n" + spec.indent(2))).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void lengthIsCountedInCharactersAsTheApiServerDoes() {
    ObjectValidator validator = validator("type: object\nproperties:\n  name: {type: string, maxLength: 3}\n");

    assertThat(problems(validator, "name: ééé")).isEmpty();
    assertThat(problems(validator, "name: éééé")).containsExactly("spec.name: Too long: \"éééé\": must have at most 3 characters");
  }

  @Test
  void listMapWithSeveralKeysReportsTheKeyValuesAsAnObject() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          ports:
            type: array
            x-kubernetes-list-type: map
            x-kubernetes-list-map-keys: [name, port]
            items:
              type: object
              properties:
                name: {type: string}
                port: {type: integer}
        """);

    assertThat(problems(validator, "ports: [{name: a, port: 1}, {name: a, port: 2}, {name: a, port: 1}]"))
        .containsExactly("spec.ports[2]: Duplicate value: {\"name\":\"a\",\"port\":1}");
  }

  @Test
  void setsOfObjectsCompareRegardlessOfKeyOrder() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          pairs:
            type: array
            x-kubernetes-list-type: set
            items: {type: object, additionalProperties: {type: string}}
        """);

    assertThat(problems(validator, "pairs: [{a: x, b: y}, {b: y, a: x}]"))
        .containsExactly("spec.pairs[1]: Duplicate value: {\"b\":\"y\",\"a\":\"x\"}");
  }

  @Test
  void defaultsApplyInsideListItemsAndNullItemsAreTypeErrors() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          items:
            type: array
            items:
              type: object
              properties:
                weight: {type: integer, default: 1}
        """);

    Validated validated = validator.validate(Fixtures.yaml("spec: {items: [{}, {weight: 5}, null]}"));

    assertThat(validated.object().at("/spec/items")).isEqualTo(Fixtures.yaml("x: [{weight: 1}, {weight: 5}, null]").get("x"));
    assertThat(validated.problems()).extracting(Problem::toString)
        .containsExactly("spec.items[2]: Invalid value: null: must be of type object");
  }

  @Test
  void nullMapValuesAndListItemsGetTheirDefault() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          labels: {type: object, additionalProperties: {type: string, default: none}}
          names: {type: array, items: {type: string, default: none}}
        """);

    Validated validated = validator.validate(Fixtures.yaml("spec: {labels: {a: null, b: x}, names: [null, y]}"));

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object().get("spec")).isEqualTo(Fixtures.yaml("{labels: {a: none, b: x}, names: [none, y]}"));
  }

  @Test
  void ruleWithoutMessageReportsTheRule() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          a: {type: integer}
        x-kubernetes-validations:
        - rule: self.a < 10
        """);

    assertThat(problems(validator, "a: 12")).containsExactly("spec: failed rule: self.a < 10");
    assertThat(problems(validator, "a: 2")).isEmpty();
  }

  @Test
  void ruleThatCannotBeEvaluatedIsReportedAtItsLocation() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          a: {type: integer}
        x-kubernetes-validations:
        - rule: self.a < 10
          message: a must be small
        """);

    assertThat(problems(validator, "{}")).singleElement().asString()
        .startsWith("spec: Invalid value: {}: rule self.a < 10 could not be evaluated: ");
  }

  @Test
  void rulesCompareNumbersAcrossTypes() {
    ObjectValidator validator = validator("""
        type: object
        properties:
          a: {type: number}
        x-kubernetes-validations:
        - rule: self.a < 10
          message: a must be small
        """);

    assertThat(problems(validator, "a: 10.5")).containsExactly("spec: a must be small");
    assertThat(problems(validator, "a: 9.5")).isEmpty();
  }

  @Test
  void unsupportedSchemaKeywordsFailLoading() {
    assertThatThrownBy(() -> validator("type: string\nnullable: true\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("nullable").hasMessageContaining("spec");
    assertThatThrownBy(() -> validator("type: string\nformat: date-time\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("date-time");
    assertThatThrownBy(() -> validator("type: array\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no items");
    assertThatThrownBy(() -> validator("properties: {}\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no supported type");
  }

  @Test
  void unsupportedRulesFailLoading() {
    assertThatThrownBy(() -> validator("type: object\nx-kubernetes-validations:\n- rule: self == oldSelf\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    assertThatThrownBy(() -> validator("type: object\nx-kubernetes-validations:\n- rule: size(self)\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not bool");
    assertThatThrownBy(() -> validator("type: object\nx-kubernetes-validations:\n- rule: 'true'\n  messageExpression: \"'x'\"\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("messageExpression");
  }
}
