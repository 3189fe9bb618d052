package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.cli.CliRun;
import io.servicerouter.cli.GoldenCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests of {@code migrate-helm-values} through the CLI: every directory under
 * {@code src/test/resources/migrate/golden/} holds values files, {@code args} (the command's options, the
 * file after each {@code -f} relative to the directory) and {@code expected.yaml}. The output must equal the
 * expected documents, in order, compared as parsed documents; stderr must equal {@code expected-stderr} when the
 * case has one (warnings), else be empty.
 */
class MigrateGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/migrate/golden");

  static Stream<String> cases() throws IOException {
    return GoldenCases.under(GOLDEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputMatchesExpected(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    CliRun run = CliRun.of(arguments(dir).toArray(String[]::new));
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    Path expectedErr = dir.resolve("expected-stderr");
    assertThat(run.err()).isEqualTo(Files.exists(expectedErr) ? Files.readString(expectedErr) : "");
    assertThat(run.outDocuments()).isEqualTo(CliRun.documents(Files.readString(dir.resolve("expected.yaml"))));
  }

  @Test
  void theSpecExampleYieldsExactlyTheListedObjectsInOrder() {
    CliRun run = CliRun.of("migrate-helm-values", "-f", GOLDEN.resolve("spec-example/values.yaml").toString());
    assertThat(run.outDocuments()).extracting(o -> o.path("kind").asText() + " " + o.path("metadata").path("namespace").asText()
        + "/" + o.path("metadata").path("name").asText()).containsExactly(
            "ClusterIdentity /cluster-identity",
            "DNSConfiguration /dns-config",
            "DNSPolicy cms-01/default",
            "DNSPolicy nid-02/default",
            "Gateway istio-system/default-gateway-ingress",
            "ServiceRoute cms-01/cms-01-cms",
            "ServiceRoute nid-02/nid-02-auth",
            "ServiceRoute nid-02/nid-02-pep");
  }

  @Test
  void theBundledHelmExampleConvertsToTheReviewedManifests() throws IOException {
    CliRun run = CliRun.of("migrate-helm-values", "-f", "../examples/helm/values.yaml");
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outDocuments()).isEqualTo(CliRun.documents(
        Files.readString(Path.of("src/test/resources/migrate/example-helm-manifests.yaml"))));
  }

  @Test
  void theBundledHelmExampleWithHelmReleaseAlsoPrintsTheNewChartsRelease() throws IOException {
    CliRun run = CliRun.of("migrate-helm-values", "-f", "../examples/helm/values.yaml", "--helm-release");
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.err().lines()).extracting(line -> line.substring(0, line.indexOf(" (")))
        .containsExactly(
            "externalDns[0]: warning: define the Flux variables EXTERNAL_DNS_WEU_SUBSCRIPTION_ID,"
                + " EXTERNAL_DNS_WEU_RESOURCE_GROUP and EXTERNAL_DNS_WEU_CLIENT_ID",
            "externalDns[1]: warning: define the Flux variables EXTERNAL_DNS_NEU_SUBSCRIPTION_ID,"
                + " EXTERNAL_DNS_NEU_RESOURCE_GROUP and EXTERNAL_DNS_NEU_CLIENT_ID",
            "externalDns[2]: warning: define the Flux variables EXTERNAL_DNS_FRA_SUBSCRIPTION_ID,"
                + " EXTERNAL_DNS_FRA_RESOURCE_GROUP and EXTERNAL_DNS_FRA_CLIENT_ID");
    List<JsonNode> expected = new ArrayList<>(CliRun.documents(
        Files.readString(Path.of("src/test/resources/migrate/example-helm-manifests.yaml"))));
    expected.addAll(CliRun.documents(Files.readString(Path.of("src/test/resources/migrate/example-helm-release.yaml"))));
    assertThat(run.outDocuments()).isEqualTo(expected);
  }

  private static List<String> arguments(Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of("migrate-helm-values"));
    String[] tokens = Files.readString(dir.resolve("args")).strip().split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      boolean isValuesFile = i > 0 && tokens[i - 1].equals("-f");
      args.add(isValuesFile ? dir.resolve(tokens[i]).toString() : tokens[i]);
    }
    return args;
  }
}
