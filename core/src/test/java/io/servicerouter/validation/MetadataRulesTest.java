package io.servicerouter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataRulesTest {

  private static List<String> check(String metadata) {
    return MetadataRules.check(Fixtures.yaml(metadata)).stream().map(Problem::toString).toList();
  }

  @Test
  void subdomainNamesAndLabelNamespacesAreValid() {
    assertThat(check("name: web.example-1\nnamespace: team-a")).isEmpty();
    assertThat(check("name: " + "a".repeat(253))).isEmpty();
  }

  @Test
  void nameIsRequired() {
    assertThat(MetadataRules.check(MissingNode.getInstance())).extracting(Problem::toString)
        .containsExactly("metadata.name: Required value");
    assertThat(check("namespace: team-a")).containsExactly("metadata.name: Required value");
    assertThat(check("name: ''")).containsExactly("metadata.name: Required value");
  }

  @Test
  void nameMustBeALowercaseSubdomain() {
    assertThat(check("name: Web_1")).singleElement().asString().startsWith("metadata.name: Invalid value: \"Web_1\": ");
    assertThat(check("name: web.")).singleElement().asString().startsWith("metadata.name: Invalid value: \"web.\": ");
    assertThat(check("name: 5")).containsExactly("metadata.name: Invalid value: 5: must be of type string");
  }

  @Test
  void nameIsAtMost253Characters() {
    String name = "a".repeat(254);

    assertThat(check("name: " + name)).containsExactly("metadata.name: Too long: \"" + name + "\": must have at most 253 characters");
  }

  @Test
  void namespaceMustBeALabel() {
    assertThat(check("name: web\nnamespace: team.a")).singleElement().asString()
        .startsWith("metadata.namespace: Invalid value: \"team.a\": must be a DNS-1123 label");
    assertThat(check("name: web\nnamespace: " + "a".repeat(64))).singleElement().asString()
        .startsWith("metadata.namespace: Too long: ");
    assertThat(check("name: web\nnamespace: ''")).isEmpty();
  }

  @Test
  void labelReasonsAreThoseOfANamespace() {
    assertThat(MetadataRules.labelReasons("team-a")).isEmpty();
    assertThat(MetadataRules.labelReasons("Team_A")).singleElement().asString()
        .startsWith("Invalid value: \"Team_A\": must be a DNS-1123 label");
    String tooLong = "T".repeat(64);
    assertThat(MetadataRules.labelReasons(tooLong)).hasSize(2).first().asString().startsWith("Too long: ");
  }

  @Test
  void metadataThatIsNotAnObjectIsATypeError() {
    assertThat(MetadataRules.check(Fixtures.yaml("m: x").get("m"))).extracting(Problem::toString)
        .containsExactly("metadata: Invalid value: \"x\": must be of type object");
  }

  @Test
  void everyObjectMetaFieldMustHaveItsType() {
    assertThat(check("name: web\nnamespace: 5")).containsExactly("metadata.namespace: Invalid value: 5: must be of type string");
    assertThat(check("name: web\nlabels: [a]")).containsExactly("metadata.labels: Invalid value: [\"a\"]: must be of type object");
    assertThat(check("name: web\nannotations: {a: b, c: 1, d: [x]}")).containsExactly(
        "metadata.annotations.c: Invalid value: 1: must be of type string",
        "metadata.annotations.d: Invalid value: [\"x\"]: must be of type string");
    assertThat(check("name: web\ngeneration: '2'")).containsExactly("metadata.generation: Invalid value: \"2\": must be of type integer");
    assertThat(check("name: web\ngeneration: 1.5")).containsExactly("metadata.generation: Invalid value: 1.5: must be of type integer");
    assertThat(check("name: web\nfinalizers: [a, 1]")).containsExactly("metadata.finalizers[1]: Invalid value: 1: must be of type string");
    assertThat(check("name: web\nownerReferences: {a: b}"))
        .containsExactly("metadata.ownerReferences: Invalid value: {\"a\":\"b\"}: must be of type array");
    assertThat(check("name: web\nuid: {a: 1}")).containsExactly("metadata.uid: Invalid value: {\"a\":1}: must be of type string");
  }

  @Test
  void timestampsAreRfc3339DateTimes() {
    assertThat(check("name: web\ncreationTimestamp: '2024-01-31T12:00:00Z'\ndeletionTimestamp: null")).isEmpty();
    assertThat(check("name: web\ncreationTimestamp: yesterday")).singleElement().asString()
        .startsWith("metadata.creationTimestamp: Invalid value: \"yesterday\": must be an RFC 3339 date-time");
    assertThat(check("name: web\ncreationTimestamp: 12")).containsExactly(
        "metadata.creationTimestamp: Invalid value: 12: must be of type string");
  }

  @Test
  void checkTypesLeavesNamesToTheKindsRules() {
    assertThat(MetadataRules.checkTypes(Fixtures.yaml("name: Web_1\nnamespace: a.b"))).isEmpty();
    assertThat(MetadataRules.checkTypes(Fixtures.yaml("namespace: a"))).extracting(Problem::toString)
        .containsExactly("metadata.name: Required value");
    assertThat(MetadataRules.checkTypes(Fixtures.yaml("name: [a]\nlabels: {a: 1}"))).extracting(Problem::toString)
        .containsExactly("metadata.name: Invalid value: [\"a\"]: must be of type string",
            "metadata.labels.a: Invalid value: 1: must be of type string");
  }
}
