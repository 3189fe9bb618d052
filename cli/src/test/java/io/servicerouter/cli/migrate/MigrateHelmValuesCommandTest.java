package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicerouter.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, streams and options of {@code migrate-helm-values} through the command line. */
class MigrateHelmValuesCommandTest {

  private static final String EXAMPLE = "src/test/resources/migrate/golden/spec-example/values.yaml";

  @TempDir
  Path dir;

  @Test
  void validValuesExitZeroWithManifestsOnStdout() {
    CliRun run = CliRun.of("migrate-helm-values", "-f", EXAMPLE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("---\napiVersion: cluster.router.io/v1alpha1\nkind: ClusterIdentity\n");
    assertThat(run.outDocuments()).hasSize(8);
  }

  @Test
  void jsonOutputIsAListOfTheSameObjects() throws IOException {
    CliRun yaml = CliRun.of("migrate-helm-values", "-f", EXAMPLE);
    CliRun json = CliRun.of("migrate-helm-values", "-f", EXAMPLE, "-o", "json");
    assertThat(json.exitCode()).isZero();
    JsonNode list = new ObjectMapper().readTree(json.out());
    assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).containsExactlyElementsOf(yaml.outDocuments());
  }

  @Test
  void invalidValuesExitTwoWithOneLinePerProblemAndNothingOnStdout() throws IOException {
    Path values = write("values.yaml", Files.readString(Path.of(EXAMPLE))
        .replace("mode: regionbound\n    region: weu\n", "mode: regionbound\n")
        .replace("default-gateway-ingress: [auth, pep]", "public: [auth, pep]"));
    CliRun run = CliRun.of("migrate-helm-values", "-f", values.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("""
        apps[0].services.public: Gateway 'public' referenced in app 'nid-02' not found in gateways list!
        apps[1].region: Region must be specified for regionbound app 'cms-01'!
        """);
  }

  @Test
  void warningsGoToStderrAndKeepExitZero() throws IOException {
    Path values = write("values.yaml", Files.readString(Path.of(EXAMPLE))
        .replace("mode: regionbound\n    region: weu", "mode: regionbound\n    region: frc"));
    CliRun run = CliRun.of("migrate-helm-values", "-f", values.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo("apps[1].region: warning: no externalDns controller has region 'frc', so app 'cms-01' gets no DNS records\n");
    assertThat(run.outDocuments()).hasSize(8);
  }

  @Test
  void helmReleaseAppendsTheNewChartsReleaseAndNamesItsVariablesOnStderr() {
    CliRun manifests = CliRun.of("migrate-helm-values", "-f", EXAMPLE);
    CliRun run = CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--helm-release");
    assertThat(run.exitCode()).isZero();
    List<JsonNode> documents = run.outDocuments();
    assertThat(documents.subList(0, documents.size() - 1)).isEqualTo(manifests.outDocuments());
    JsonNode release = documents.get(documents.size() - 1);
    assertThat(release.path("kind").asText()).isEqualTo("HelmRelease");
    JsonNode externalDns = release.path("spec").path("values").path("externalDns");
    assertThat(externalDns.path("enabled").asBoolean()).isTrue();
    assertThat(externalDns.path("clusterRegion").asText()).isEqualTo("neu");
    assertThat(externalDns.path("domain").asText()).isEqualTo("aks.vecd.vczc.nl");
    assertThat(externalDns.path("zones")).extracting(zone -> zone.path("controller").asText() + "/"
        + zone.path("region").asText() + " " + zone.path("provider").path("azurePrivateDns"))
        .containsExactly(
            "external-dns-neu/neu {\"subscriptionId\":\"${EXTERNAL_DNS_NEU_SUBSCRIPTION_ID}\","
                + "\"resourceGroup\":\"${EXTERNAL_DNS_NEU_RESOURCE_GROUP}\","
                + "\"workloadIdentity\":{\"clientId\":\"${EXTERNAL_DNS_NEU_CLIENT_ID}\"}}",
            "external-dns-weu/weu {\"subscriptionId\":\"${EXTERNAL_DNS_WEU_SUBSCRIPTION_ID}\","
                + "\"resourceGroup\":\"${EXTERNAL_DNS_WEU_RESOURCE_GROUP}\","
                + "\"workloadIdentity\":{\"clientId\":\"${EXTERNAL_DNS_WEU_CLIENT_ID}\"}}");
    assertThat(run.err()).isEqualTo("""
        externalDns[0]: warning: define the Flux variables EXTERNAL_DNS_NEU_SUBSCRIPTION_ID, \
        EXTERNAL_DNS_NEU_RESOURCE_GROUP and EXTERNAL_DNS_NEU_CLIENT_ID (the Azure subscription and resource group of \
        the zone of external-dns-neu, and the client id of its workload identity) in the postBuild of the Flux \
        Kustomization that applies the HelmRelease
        externalDns[1]: warning: define the Flux variables EXTERNAL_DNS_WEU_SUBSCRIPTION_ID, \
        EXTERNAL_DNS_WEU_RESOURCE_GROUP and EXTERNAL_DNS_WEU_CLIENT_ID (the Azure subscription and resource group of \
        the zone of external-dns-weu, and the client id of its workload identity) in the postBuild of the Flux \
        Kustomization that applies the HelmRelease
        """);
  }

  @Test
  void theReleaseIsTheFluxExamplesReleaseWithOtherValues() throws IOException {
    CliRun run = CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--helm-release");
    ObjectNode release = (ObjectNode) run.outDocuments().get(run.outDocuments().size() - 1).deepCopy();
    ObjectNode example = (ObjectNode) CliRun.documents(Files.readString(Path.of("../examples/flux/helmrelease.yaml")))
        .get(0);
    ((ObjectNode) release.path("spec")).remove("values");
    ((ObjectNode) example.path("spec")).remove("values");
    assertThat(release).isEqualTo(example);
  }

  @Test
  void theReleaseIsTheLastItemOfTheJsonList() throws IOException {
    CliRun yaml = CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--helm-release");
    CliRun json = CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--helm-release", "-o", "json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.err()).isEqualTo(yaml.err());
    assertThat(new ObjectMapper().readTree(json.out()).path("items")).containsExactlyElementsOf(yaml.outDocuments());
  }

  @Test
  void invalidValuesPrintNoReleaseAndNoVariables() throws IOException {
    Path values = write("values.yaml", Files.readString(Path.of(EXAMPLE)).replace("region: neu", "region: NEU"));
    CliRun run = CliRun.of("migrate-helm-values", "-f", values.toString(), "--helm-release");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("region: Invalid value: \"NEU\"").doesNotContain("Flux variables");
  }

  @Test
  void anUnreadableFileExitsOneWithAnErrorLine() {
    Path missing = dir.resolve("missing.yaml");
    CliRun run = CliRun.of("migrate-helm-values", "-f", EXAMPLE, "-f", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(missing + ": error: no such file\n");
  }

  @Test
  void aYamlSyntaxErrorExitsOneWithAnErrorLine() throws IOException {
    Path values = write("values.yaml", "region: neu\napps: [1,\n");
    CliRun run = CliRun.of("migrate-helm-values", "-f", values.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(values + ": error: expected the node content, but found '<stream end>' (line 3, column 1)\n");
  }

  @Test
  void fileErrorsTakePrecedenceOverValidation() throws IOException {
    Path invalid = write("invalid.yaml", "region: NEU\n");
    Path notValues = write("list.yaml", "- a\n");
    CliRun run = CliRun.of("migrate-helm-values", "-f", invalid.toString(), "-f", notValues.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(notValues + ": error: values must be a mapping, not a list\n");
  }

  @Test
  void helpExitsZero() {
    CliRun run = CliRun.of("migrate-helm-values", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("-f, --values=VALUES", "--gateway-namespace=NS", "--namespace-template=TEMPLATE",
        "--helm-release", "-o=yaml|json", "default: istio-system", "default: {app}",
        "${EXTERNAL_DNS_WEU_SUBSCRIPTION_ID}");
  }

  @Test
  void usageErrorsExitOne() {
    assertUsageError(CliRun.of("migrate-helm-values"), "Missing required option: '--values=VALUES'");
    assertUsageError(CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--colour"), "Unknown option: '--colour'");
    assertUsageError(CliRun.of("migrate-helm-values", "-f", EXAMPLE, "-o", "xml"), "Invalid value for option '-o'");
    assertUsageError(CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--namespace-template", "{team}-{app}"),
        "Invalid value for option '--namespace-template': unknown placeholder {team}");
    assertUsageError(CliRun.of("migrate-helm-values", "-f", EXAMPLE, "--gateway-namespace", "Istio"),
        "option '--gateway-namespace': Invalid value: \"Istio\"");
  }

  private static void assertUsageError(CliRun run, String message) {
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message, "Usage: servicerouter migrate-helm-values");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
