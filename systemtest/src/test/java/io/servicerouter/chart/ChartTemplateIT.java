package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.servicerouter.testsupport.HelmChart;
import io.servicerouter.testsupport.TestDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart as {@code helm lint} and {@code helm template} see it: lint-clean with the default values and with
 * each example values file of {@code ci/}; the default install is the operator alone; every option reaches the
 * objects; the ExternalDNS instances follow SPEC §8; and the two example installs render exactly their golden
 * files ({@code -Dchart.golden.update=true} rewrites them after an intended change).
 */
class ChartTemplateIT {

  private static final Path CI = TestDirectories.repositoryRoot().resolve(HelmChart.CHART).resolve("ci");
  private static final Path GOLDEN = Path.of("src/test/resources/chart/golden");

  @ParameterizedTest
  @ValueSource(strings = {"", "single-region-values.yaml", "two-regions-values.yaml", "all-options-values.yaml"})
  void lintsCleanlyWithTheDefaultAndEveryExampleValuesFile(String valuesFile) {
    HelmChart chart = HelmChart.locate();
    List<String> args = valuesFile.isEmpty()
        ? List.of("lint", "--strict", chart.directory().toString())
        : List.of("lint", "--strict", chart.directory().toString(), "--values", CI.resolve(valuesFile).toString());
    assertThat(chart.helm(args)).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @Test
  void defaultValuesInstallTheOperatorWithTheTenantBoundariesAsTheSpecRunsIt() {
    RenderedChart chart = RenderedChart.render();
    assertThat(chart.kindsAndNames()).containsExactlyInAnyOrder(
        "ServiceAccount/service-router-operator",
        "ClusterRole/service-router-operator",
        "ClusterRoleBinding/service-router-operator",
        "Role/service-router-operator-leader-election",
        "RoleBinding/service-router-operator-leader-election",
        "Service/service-router-operator-metrics",
        "Deployment/service-router-operator",
        "PodDisruptionBudget/service-router-operator",
        "ClusterRole/service-router-operator-app-team",
        "ClusterRole/service-router-operator-platform",
        "ClusterRole/service-router-operator-viewer",
        "ValidatingAdmissionPolicy/service-router-operator-dnsendpoints",
        "ValidatingAdmissionPolicyBinding/service-router-operator-dnsendpoints");
    Deployment deployment = chart.get("Deployment", "service-router-operator", Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(operator.getImage()).isEqualTo("ghcr.io/example/service-router-operator:0.1.0");
    assertThat(operator.getArgs()).containsExactly("operator", "--leader-elect=true", "--leader-election-id=3afd9a04.router.io",
        "--metrics-bind-address=:8080", "--health-probe-bind-address=:8081", "--address-records=active",
        "--dnsendpoint-layout=namespace", "--default-gateway-namespace=istio-system",
        "--max-concurrent-reconciles=4", "--log-level=info", "--log-format=json");
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(operator.getResources().getLimits().get("memory").toString()).isEqualTo("320Mi");
    assertThat(operator.getResources().getRequests().get("memory").toString()).isEqualTo("320Mi");
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(chart.get("Role", "service-router-operator-leader-election", Role.class).getRules().get(0).getVerbs())
        .as("the Lease verbs: the leader elector renews with a patch").containsExactly("get", "create", "update", "patch");
  }

  @Test
  void everyOptionReachesItsObject() {
    RenderedChart chart = RenderedChart.render("--values", CI.resolve("all-options-values.yaml").toString());
    assertThat(chart.kindsAndNames()).contains("ServiceMonitor/sro", "PrometheusRule/sro", "ConfigMap/sro-dashboard",
        "NetworkPolicy/sro", "ServiceAccount/sro-operator", "Deployment/external-dns-neu",
        "Deployment/external-dns-weu", "ConfigMap/external-dns-weu-azure", "ClusterRole/sro-external-dns");
    assertThat(chart.arguments("sro")).contains("--address-records=all", "--dnsendpoint-layout=route",
        "--default-gateway-namespace=istio-ingress", "--max-concurrent-reconciles=8", "--watch-namespaces=shop,crm",
        "--log-level=debug", "--log-format=text", "--metrics-bind-address=:9090",
        "--health-probe-bind-address=:9091", "--leader-election-namespace=service-router-system");
    assertThat(chart.get("Deployment", "sro", Deployment.class).getSpec().getReplicas()).isEqualTo(3);
    assertThat(chart.flag("external-dns-neu", "--annotation-filter"))
        .isEqualTo("external-dns.alpha.kubernetes.io/controller=external-dns-neu");
    assertThat(chart.flag("external-dns-neu", "--rfc2136-min-ttl")).isEqualTo("30s");
    assertThat(chart.flag("external-dns-weu", "--txt-owner-id")).isEqualTo("weu-owner");
    assertThat(chart.flag("external-dns-weu", "--policy")).as("explicit policy").isEqualTo("sync");
    assertThat(chart.arguments("external-dns-neu")).doesNotContain("--events");
  }

  /**
   * Issue 14: with {@code externalDns.zoneAgent}, every rfc2136 instance writes through a zone agent sidecar (the
   * chart's image, {@code zone-agent}) that alone holds the TSIG secret, with its management Service; an Azure
   * instance is left as it is.
   */
  @Test
  void aZoneAgentFencesEveryRfc2136Instance() {
    RenderedChart chart = RenderedChart.render("--values", CI.resolve("all-options-values.yaml").toString(),
        "--set", "externalDns.zoneAgent.enabled=true", "--set", "externalDns.zoneAgent.cluster=aks01",
        "--set", "externalDns.zones[0].homeCluster=aks02");
    PodSpec pod = chart.get("Deployment", "external-dns-neu", Deployment.class).getSpec().getTemplate().getSpec();
    Container externalDns = pod.getContainers().get(0);
    assertThat(externalDns.getArgs()).contains("--provider=webhook", "--webhook-provider-url=http://127.0.0.1:8888")
        .noneMatch(a -> a.startsWith("--rfc2136-") || a.equals("--provider=rfc2136"));
    assertThat(externalDns.getEnv()).as("ExternalDNS holds no DNS credentials").isNullOrEmpty();
    Container agent = pod.getContainers().get(1);
    assertThat(agent.getName()).isEqualTo("zone-agent");
    assertThat(agent.getImage()).isEqualTo(chart.get("Deployment", "sro", Deployment.class).getSpec().getTemplate()
        .getSpec().getContainers().get(0).getImage());
    assertThat(agent.getArgs()).containsExactly("zone-agent", "--dns-server=10.1.0.53:5353", "--zone=aks.example.com",
        "--controller=external-dns-neu", "--cluster=aks01/neu", "--home=aks02/neu", "--tsig-key-name=neu-key",
        "--tsig-algorithm=hmac-sha512", "--min-ttl=30s", "--webhook-address=127.0.0.1:8888",
        "--management-address=0.0.0.0:8080");
    assertThat(agent.getEnv()).anySatisfy(variable -> {
      assertThat(variable.getName()).isEqualTo("SERVICEROUTER_TSIG_SECRET");
      assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("tsig");
      assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("neu");
    });
    assertThat(chart.kindsAndNames()).contains("Service/external-dns-neu-zone-agent")
        .doesNotContain("Service/external-dns-weu-zone-agent");
    assertThat(chart.get("Deployment", "external-dns-weu", Deployment.class).getSpec().getTemplate().getSpec()
        .getContainers()).hasSize(1);
    assertThat(chart.flag("external-dns-weu", "--provider")).isEqualTo("azure-private-dns");
    NetworkPolicy policy = chart.get("NetworkPolicy", "sro", NetworkPolicy.class);
    assertThat(policy.getSpec().getEgress()).as("the operator's egress to the agents' management port")
        .anySatisfy(rule -> {
          assertThat(rule.getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(8080);
          assertThat(rule.getTo().get(0).getPodSelector().getMatchLabels())
              .containsEntry("app.kubernetes.io/name", "external-dns");
        });
  }

  /** Issue 15: the operator's egress to the gateway health URLs it probes for automatic failover. */
  @Test
  void gatewayProbePortsOpenTheOperatorsEgressToTheProbedGateways() {
    RenderedChart chart = RenderedChart.render("--values", CI.resolve("all-options-values.yaml").toString(),
        "--set", "networkPolicy.gatewayProbePorts={15021,8443}", "--set", "networkPolicy.gatewayProbeCidrs={10.2.0.0/16}");
    NetworkPolicy policy = chart.get("NetworkPolicy", "sro", NetworkPolicy.class);
    assertThat(policy.getSpec().getEgress()).as("the operator's egress to the probed gateways").anySatisfy(rule -> {
      assertThat(rule.getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(15021, 8443);
      assertThat(rule.getTo()).extracting(peer -> peer.getIpBlock().getCidr()).containsExactly("10.2.0.0/16");
    });
    NetworkPolicy without = RenderedChart.render("--values", CI.resolve("all-options-values.yaml").toString())
        .get("NetworkPolicy", "sro", NetworkPolicy.class);
    assertThat(without.getSpec().getEgress()).noneSatisfy(rule -> assertThat(rule.getPorts())
        .extracting(port -> port.getPort().getIntVal()).contains(15021));
  }

  @Test
  void onlyTheHomeClusterOfAZoneSyncsAndEveryClusterSharesTheZonesIdentity() {
    Path values = CI.resolve("two-regions-values.yaml");
    RenderedChart weu = RenderedChart.render("--values", values.toString());
    RenderedChart neu = RenderedChart.render("--values", values.toString(), "--set", "externalDns.clusterRegion=neu");
    List<String> controllers = List.of("external-dns-weu", "external-dns-neu", "external-dns-fra");
    assertThat(policies(weu, controllers)).isEqualTo(Map.of(
        "external-dns-weu", "sync", "external-dns-neu", "upsert-only", "external-dns-fra", "sync"));
    assertThat(policies(neu, controllers)).isEqualTo(Map.of(
        "external-dns-weu", "upsert-only", "external-dns-neu", "sync", "external-dns-fra", "upsert-only"));
    for (String controller : controllers) {
      for (RenderedChart cluster : List.of(weu, neu)) {
        assertThat(cluster.flag(controller, "--txt-owner-id")).isEqualTo(controller);
        assertThat(cluster.flag(controller, "--txt-prefix")).isEqualTo("_external-dns-owner.");
        assertThat(cluster.flag(controller, "--label-filter")).isEqualTo("router.io/controller=" + controller);
        assertThat(cluster.flag(controller, "--kube-api-qps")).isEqualTo("500");
        assertThat(cluster.flag(controller, "--domain-filter")).isEqualTo("aks.example.com");
        assertThat(cluster.arguments(controller)).contains("--source=crd", "--registry=txt",
            "--managed-record-types=A", "--managed-record-types=AAAA", "--managed-record-types=CNAME",
            "--provider=azure-private-dns");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"single-region", "two-regions"})
  void exampleInstallRendersItsGoldenFile(String example) throws IOException {
    String rendered = RenderedChart.render("--values", CI.resolve(example + "-values.yaml").toString()).text();
    Path golden = GOLDEN.resolve(example + ".yaml");
    if (Boolean.getBoolean("chart.golden.update")) {
      Files.writeString(golden, rendered);
    }
    assertThat(rendered).as("helm template with ci/%s-values.yaml (golden file %s)", example, golden)
        .isEqualTo(Files.readString(golden));
  }

  private static Map<String, String> policies(RenderedChart chart, List<String> controllers) {
    return controllers.stream().collect(Collectors.toMap(c -> c, c -> chart.flag(c, "--policy")));
  }
}
