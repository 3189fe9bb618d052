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
}
