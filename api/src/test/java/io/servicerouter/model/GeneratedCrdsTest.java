package io.servicerouter.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs users install (the Helm chart's {@code crds/}) are exactly what the build generates from the model,
 * the generated schemas carry the SPEC §2 rules that need the post-processor, and uninstalling or pruning
 * never deletes them.
 */
class GeneratedCrdsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static List<String> crdNames() {
    List<String> names = new ArrayList<>();
    Kinds.ALL.forEach(kind -> names.add(HasMetadata.getFullResourceName(kind)));
    return names;
  }

  static String generated(String name) throws IOException {
    try (InputStream in = GeneratedCrdsTest.class.getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml")) {
      assertThat(in).as("generated CRD %s on the classpath", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static JsonNode schema(String name) throws IOException {
    return YAML.readTree(generated(name)).path("spec").path("versions").path(0);
  }

  @ParameterizedTest
  @MethodSource("crdNames")
  void deployedCopyEqualsGeneratedCrd(String name) throws IOException {
    String deployed = Files.readString(Path.of("../charts/service-router-operator/crds", name + ".yaml"));
    assertThat(deployed)
        .as("charts/service-router-operator/crds/%s.yaml is stale: run"
            + " `mvn -pl api process-classes && cp api/target/crds/*.yaml charts/service-router-operator/crds/`", name)
        .isEqualTo(generated(name));
  }

  @ParameterizedTest
  @MethodSource("crdNames")
  void helmUninstallAndFluxPruningKeepTheCrd(String name) throws IOException {
    JsonNode annotations = YAML.readTree(generated(name)).path("metadata").path("annotations");
    assertThat(annotations.path("helm.sh/resource-policy").asText()).isEqualTo("keep");
    assertThat(annotations.path("kustomize.toolkit.fluxcd.io/prune").asText()).isEqualTo("disabled");
  }

  @Test
  void printerColumnsKeepTheDeclaredOrderWithAgeLast() throws IOException {
    List<String> columns = new ArrayList<>();
    schema("clusteridentities.cluster.router.io").path("additionalPrinterColumns")
        .forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactly("Region", "Cluster", "Domain", "Env", "Adopts", "Phase", "Age");
  }

  @Test
  void schemaMergesReachTheirFields() throws IOException {
    JsonNode policy = schema("dnspolicies.routing.router.io").path("schema").path("openAPIV3Schema").path("properties");
    assertThat(policy.path("spec").path("default").isObject()).isTrue();
    assertThat(policy.path("spec").path("properties").path("mode").path("enum").toString())
        .isEqualTo("[\"Active\",\"RegionBound\"]");
    assertThat(policy.path("status").path("properties").path("phase").path("enum")).hasSize(4);
    JsonNode conditions = policy.path("status").path("properties").path("conditions");
    assertThat(conditions.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    JsonNode controllers = schema("dnsconfigurations.cluster.router.io").path("schema").path("openAPIV3Schema")
        .path("properties").path("spec").path("properties").path("externalDNSControllers");
    assertThat(controllers.path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"name\"]");
    JsonNode adopts = schema("clusteridentities.cluster.router.io").path("schema").path("openAPIV3Schema")
        .path("properties").path("spec").path("properties").path("adoptsRegions");
    assertThat(adopts.path("x-kubernetes-list-type").asText()).isEqualTo("set");
    assertThat(adopts.path("maxItems").asInt()).isEqualTo(32);
    assertThat(adopts.path("items").path("maxLength").asInt()).isEqualTo(63);
  }
}
