package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicerouter.cli.CliRun;
import io.servicerouter.testsupport.TestDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart renders with the values of the Flux example ({@code examples/flux/helmrelease.yaml}) and with the values
 * {@code migrate-helm-values --helm-release} converts from the old chart's example ({@code examples/helm/values.yaml},
 * its Flux variables left unsubstituted): both pass {@code values.schema.json} and run one ExternalDNS per zone
 * controller, with {@code --policy=sync} only for the zones whose home is the cluster's region (SPEC §8.2 rule 2).
 */
class FluxExampleIT {

  private static final Path EXAMPLES = TestDirectories.repositoryRoot().resolve("examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void theFluxExampleRunsAnExternalDnsForEveryControllerOfTheExampleDnsConfiguration() throws IOException {
    JsonNode release = CliRun.documents(Files.readString(EXAMPLES.resolve("flux/helmrelease.yaml"))).get(0);
    RenderedChart chart = render(release.path("spec").path("values"));
    assertThat(policies(chart)).isEqualTo(Map.of(
        "external-dns-weu", "sync", "external-dns-neu", "upsert-only", "external-dns-frc", "sync"));
    JsonNode configuration = CliRun.documents(Files.readString(EXAMPLES.resolve("cluster/dns-configuration.yaml"))).get(0);
    List<String> controllers = new ArrayList<>();
    configuration.path("spec").path("externalDNSControllers").forEach(c -> controllers.add(c.path("name").asText()));
    assertThat(policies(chart).keySet()).as("one ExternalDNS per DNSConfiguration controller")
        .containsExactlyInAnyOrderElementsOf(controllers);
    assertThat(chart.flag("external-dns-frc", "--azure-resource-group")).isEqualTo("rg-dns-frc");
    assertThat(chart.kindsAndNames()).contains("ConfigMap/external-dns-frc-azure", "Deployment/service-router-operator");
  }

  @Test
  void theReleaseMigratedFromTheOldExampleRendersWithItsFluxVariablesAsText() throws IOException {
    CliRun run = CliRun.of("migrate-helm-values", "-f", EXAMPLES.resolve("helm/values.yaml").toString(), "--helm-release");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> documents = run.outDocuments();
    JsonNode release = documents.get(documents.size() - 1);
    assertThat(release.path("kind").asText()).isEqualTo("HelmRelease");
    RenderedChart chart = render(release.path("spec").path("values"));
    assertThat(policies(chart)).isEqualTo(Map.of(
        "external-dns-weu", "sync", "external-dns-neu", "upsert-only", "external-dns-fra", "sync"));
    assertThat(chart.flag("external-dns-neu", "--azure-subscription-id")).isEqualTo("${EXTERNAL_DNS_NEU_SUBSCRIPTION_ID}");
    assertThat(chart.flag("external-dns-neu", "--azure-resource-group")).isEqualTo("${EXTERNAL_DNS_NEU_RESOURCE_GROUP}");
    assertThat(chart.flag("external-dns-neu", "--domain-filter")).isEqualTo("example.com");
  }

  /** {@code helm template} of the chart with a HelmRelease's {@code spec.values}. */
  private RenderedChart render(JsonNode values) throws IOException {
    assertThat(values.isObject()).as("spec.values").isTrue();
    Path file = Files.writeString(dir.resolve("values-" + System.nanoTime() + ".json"), JSON.writeValueAsString(values));
    return RenderedChart.render("--values", file.toString());
  }

  /** The {@code --policy} of every ExternalDNS Deployment by name. */
  private static Map<String, String> policies(RenderedChart chart) {
    Map<String, String> policies = new HashMap<>();
    chart.objects().stream()
        .filter(o -> "Deployment".equals(o.getKind()) && o.getMetadata().getName().startsWith("external-dns-"))
        .forEach(o -> policies.put(o.getMetadata().getName(), chart.flag(o.getMetadata().getName(), "--policy")));
    return policies;
  }
}
