package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicerouter.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code render} contract of SPEC §6.1 beyond the golden files: inputs, ordering, formats, exit codes. */
class RenderCommandTest {

  @TempDir
  Path dir;

  private static List<String> documentsOf(Path file) throws IOException {
    List<String> documents = new ArrayList<>();
    for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
      if (!document.strip().isEmpty() && !document.strip().startsWith("#") || document.contains("kind:")) {
        documents.add(document.strip());
      }
    }
    return documents;
  }

  @Test
  void documentOrderDoesNotChangeTheOutput() throws IOException {
    Path examples = Path.of("src/test/resources/golden/example-e6-host-aggregation-and-admission/input.yaml");
    List<String> documents = documentsOf(examples);
    String expected = CliRun.of("render", "--status", "-f", examples.toString()).out();
    assertThat(expected).isNotEmpty();
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<String> shuffled = new ArrayList<>(documents);
      Collections.shuffle(shuffled, random);
      Path file = dir.resolve("shuffled-" + round + ".yaml");
      Files.writeString(file, "---\n" + String.join("\n---\n", shuffled) + "\n");
      assertThat(CliRun.of("render", "--status", "-f", file.toString()).out()).isEqualTo(expected);
    }
  }

  @Test
  void bundledExamplesRender() {
    CliRun run = CliRun.of("render", "-f", "../examples/");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("kind: DNSEndpoint", "kind: Gateway", "web-ns-p-prod-shop.example.com");
  }

  @Test
  void directoriesAreReadRecursivelyInPathOrderAndOtherFilesIgnored() throws IOException {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.writeString(dir.resolve("b/nested/route.yml"), "apiVersion: routing.router.io/v1alpha1\nkind: ServiceRoute\n"
        + "metadata: {name: web}\nspec: {serviceName: web, gatewayName: gw, environment: prod, application: shop}\n");
    Files.writeString(dir.resolve("a.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not: yaml: at: all: [");
    CliRun run = CliRun.of("render", "--status", "-f", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo(dir + "/a.json#0: warning: ignoring unsupported kind v1 ConfigMap\n");
    assertThat(run.out()).contains("namespace: default", "reason: ClusterIdentityNotAvailable");
  }

  @Test
  void emptyDocumentsAreCountedAndUnknownFieldsWarned() throws IOException {
    Path file = dir.resolve("in.yaml");
    Files.writeString(file, "---\n---\napiVersion: cluster.router.io/v1alpha1\nkind: ClusterIdentity\n"
        + "metadata: {name: ci, namespace: ignored}\nspec: {region: weu, cluster: aks01, domain: example.com,"
        + " environmentLetter: p, colour: blue}\n");
    CliRun run = CliRun.of("render", "--status", "-f", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo(file + "#1: warning: unknown field \"spec.colour\"\n");
    assertThat(run.out()).doesNotContain("colour", "namespace: ignored");
  }

  @Test
  void syntaxErrorsExitOneAndTakePrecedenceOverRejections() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "a: [unclosed\n");
    Path invalid = Path.of("src/test/resources/fixtures/invalid-dnspolicy-mode-unsupported.yaml");
    CliRun run = CliRun.of("render", "-f", invalid.toString(), "-f", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(bad + "#0: error: ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void documentWithoutKindIsAnError() throws IOException {
    Path file = dir.resolve("x.yaml");
    Files.writeString(file, "apiVersion: v1\n---\n- a list\n");
    CliRun run = CliRun.of("render", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(file + "#0: error: ");
  }

  @Test
  void missingPathIsAnError() {
    CliRun run = CliRun.of("render", "-f", dir.resolve("absent.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("absent.yaml: error: ");
  }

  @Test
  void usageErrorsExitOneAndHelpExitsZero() {
    assertThat(CliRun.of("render").exitCode()).isEqualTo(1);
    assertThat(CliRun.of("render", "-f", "x", "--bogus").exitCode()).isEqualTo(1);
    assertThat(CliRun.of("render", "-f", "x", "-o", "xml").exitCode()).isEqualTo(1);
    CliRun help = CliRun.of("render", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--address-records");
  }

  @Test
  void jsonOutputIsAListEvenWhenEmpty() throws IOException {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "---\n");
    CliRun run = CliRun.of("render", "-o", "json", "-f", file.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode list = new ObjectMapper().readTree(run.out());
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).isEmpty();
    CliRun yaml = CliRun.of("render", "-f", file.toString());
    assertThat(yaml.out()).isEmpty();
  }

  @Test
  void jsonAndYamlCarryTheSameObjects() throws IOException {
    String input = "src/test/resources/golden/example-e7-address-records-active/input.yaml";
    JsonNode json = new ObjectMapper().readTree(CliRun.of("render", "--status", "-o", "json", "-f", input).out());
    List<JsonNode> yaml = CliRun.of("render", "--status", "-f", input).outDocuments();
    List<JsonNode> items = new ArrayList<>();
    json.path("items").forEach(items::add);
    assertThat(items).isEqualTo(yaml);
  }

  @Test
  void everyRejectionIsReportedOnePerLineInDocumentOrder() throws IOException {
    Path file = dir.resolve("two.yaml");
    Files.writeString(file, Files.readString(Path.of("src/test/resources/fixtures/invalid-dnspolicy-ttl-zero.yaml"))
        + "\n---\n" + Files.readString(Path.of("src/test/resources/fixtures/invalid-clusteridentity-region-missing.yaml")));
    CliRun run = CliRun.of("render", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).containsExactly(
        file + "#0: DNSPolicy/default: spec.recordTTL: Invalid value: 0: must be greater than or equal to 1",
        file + "#1: ClusterIdentity/cluster-identity: spec.region: Required value");
  }
}
