package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The {@code --namespace-template} placeholders. */
class NamespaceTemplateTest {

  @Test
  void theDefaultIsTheAppName() {
    NamespaceTemplate template = NamespaceTemplate.parse(NamespaceTemplate.DEFAULT);
    assertThat(template.namespaceFor("nid-02", "dev")).isEqualTo("nid-02");
    assertThat(template.usesApp()).isTrue();
    assertThat(template.usesEnvironment()).isFalse();
  }

  @Test
  void appAndEnvironmentAreReplacedEverywhereAndFluxVariablesKept() {
    NamespaceTemplate template = NamespaceTemplate.parse("${TENANT}-{environment}-{app}-{app}");
    assertThat(template.namespaceFor("nid-02", "dev")).isEqualTo("${TENANT}-dev-nid-02-nid-02");
    assertThat(template.usesEnvironment()).isTrue();
    assertThat(NamespaceTemplate.parse("apps").namespaceFor("$1", null)).isEqualTo("apps");
    assertThat(NamespaceTemplate.parse("{app}").namespaceFor("a$1\\b", null)).isEqualTo("a$1\\b");
  }

  @Test
  void otherPlaceholdersAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> NamespaceTemplate.parse("{team}-{app}"))
        .withMessage("unknown placeholder {team} in namespace template \"{team}-{app}\"; supported: {app}, {environment}");
  }
}
