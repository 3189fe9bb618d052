package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Json;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.ProbeServer;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.Binaries;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.LocalHttp;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.FreePorts;
import io.servicerouter.testsupport.ManagedProcess;
import io.servicerouter.testsupport.StateDirectories;
import io.servicerouter.testsupport.TestDirectories;
import io.servicerouter.testsupport.TestNamespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the chart's Grafana dashboard and alerts query exists under that name: the operator's (its own,
 * the JVM's and the process's) on the {@code /metrics} of an operator running in-process against the real API
 * server, in a state where every series exists (a route, an adopted region, a completed convergence, a GC), and
 * ExternalDNS's on the {@code /metrics} of the ExternalDNS v0.22 program the harness runs. {@code up} is
 * Prometheus's own. The dashboard's queries are also valid PromQL ({@code promtool check rules}).
 */
@ExtendWith(ControlPlaneExtension.class)
class DashboardMetricsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String DASHBOARD = "service-router-operator.json";
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$:])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
      "on", "ignoring", "group_left", "group_right", "inf", "nan");
  /** Series Prometheus makes itself for every target. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  @Test
  void metricNamesAreReadFromPromQlWithoutFunctionsLabelsOrKeywords() {
    assertThat(metricNames("histogram_quantile(0.99, sum by (kind, le) (rate(a_bucket{job=\"$job\", x=~\"b(c)\"}"
        + "[$__rate_interval]))) / on (pod) group_left b_total > 1e9 and time() - c offset 5m"))
        .containsExactlyInAnyOrder("a_bucket", "b_total", "c");
    assertThat(metricNames("label_values(servicerouter_build_info{job=\"$job\"}, namespace)"))
        .containsExactly("servicerouter_build_info");
  }

  @Test
  void everyMetricOfTheDashboardAndTheAlertsIsExported(ControlPlane controlPlane) throws Exception {
    RenderedChart chart = RenderedChart.render("--set", "prometheusRule.enabled=true",
        "--set", "grafanaDashboard.enabled=true");
    Set<String> used = new TreeSet<>();
    dashboardQueries(chart).forEach(query -> used.addAll(metricNames(query)));
    alertExpressions(chart).forEach(expr -> used.addAll(metricNames(expr)));
    Set<String> externalDns = used.stream().filter(name -> name.startsWith("external_dns_"))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> operator = used.stream()
        .filter(name -> !externalDns.contains(name) && !PROMETHEUS_OWN.contains(name))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(operator).as("names found in the dashboard and alerts").contains("servicerouter_leader",
        "servicerouter_reconcile_duration_seconds_bucket", "jvm_memory_used_bytes", "process_cpu_usage");
    assertThat(externalDns).contains("external_dns_controller_last_sync_timestamp_seconds");

    String scrape = operatorWithEverySeries(controlPlane);
    assertThat(exportedNames(scrape)).as("operator /metrics").containsAll(operator);

    String externalDnsScrape = externalDnsMetrics(controlPlane);
    assertThat(exportedNames(externalDnsScrape)).as("ExternalDNS /metrics").containsAll(externalDns);
  }

  @Test
  void theDashboardIsCurrentGrafanaJsonWithValidQueries() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "grafanaDashboard.enabled=true",
        "--set", "grafanaDashboard.namespace=monitoring", "--set", "grafanaDashboard.annotations.grafana_folder=SRE");
    ConfigMap configMap = chart.get("ConfigMap", RenderedChart.RELEASE + "-dashboard", ConfigMap.class);
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("monitoring");
    assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1")
        .containsEntry("app.kubernetes.io/name", "service-router-operator");
    assertThat(configMap.getMetadata().getAnnotations()).containsEntry("grafana_folder", "SRE");
    Path file = TestDirectories.repositoryRoot().resolve("charts/service-router-operator/dashboards/" + DASHBOARD);
    assertThat(configMap.getData().get(DASHBOARD)).isEqualTo(Files.readString(file).stripTrailing());

    JsonNode dashboard = dashboard(chart);
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    assertThat(dashboard.path("uid").asText()).isEqualTo("service-router-operator");
    List<String> variables = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
    assertThat(variables).containsExactly("datasource", "job", "namespace");
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
      if (!"row".equals(panel.path("type").asText())) {
        assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
            .isEqualTo("${datasource}");
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      }
    }

    // each query as a recording rule, with Grafana's variables substituted: promtool parses them all
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    List<String> queries = dashboardQueries(chart).stream().filter(q -> !q.startsWith("label_values(")).toList();
    assertThat(queries).hasSizeGreaterThan(15);
    for (int i = 0; i < queries.size(); i++) {
      String expr = queries.get(i).replace("$__rate_interval", "2m").replace("$job", "sro-metrics")
          .replace("$namespace", "sro");
      rules.append("      - record: dashboard:query").append(i).append("\n        expr: ")
          .append(Json.serialization().asJson(expr)).append('\n');
    }
    Path rulesFile = Files.createDirectories(TestDirectories.buildDirectory().resolve("promtool"))
        .resolve("dashboard-queries.yaml");
    Files.writeString(rulesFile, rules);
    assertThat(AlertRulesIT.promtool("check", "rules", rulesFile.toString()))
        .contains("SUCCESS: " + queries.size() + " rules found");
  }

  /**
   * The metric names a PromQL expression (or a Grafana {@code label_values(metric, label)} query) reads: its
   * identifiers once strings, label matchers, ranges, grouping label lists, function calls and keywords are
   * left out.
   */
  static Set<String> metricNames(String promql) {
    String bare = STRING.matcher(promql).replaceAll("\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("label_values\\(([^,]*),[^)]*\\)", "$1");
    Set<String> names = new TreeSet<>();
    Matcher identifiers = IDENTIFIER.matcher(bare);
    while (identifiers.find()) {
      if (!KEYWORDS.contains(identifiers.group())) {
        names.add(identifiers.group());
      }
    }
    return names;
  }

  /** The names of the series in a Prometheus text exposition. */
  private static Set<String> exportedNames(String exposition) {
    return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonNode dashboard(RenderedChart chart) {
    ConfigMap configMap = chart.get("ConfigMap", RenderedChart.RELEASE + "-dashboard", ConfigMap.class);
    return Json.serialization().unmarshal(configMap.getData().get(DASHBOARD), JsonNode.class);
  }

  /** Every panel's query expression and every templating variable's query. */
  private static List<String> dashboardQueries(RenderedChart chart) {
    JsonNode dashboard = dashboard(chart);
    List<String> queries = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> panel.path("targets")
        .forEach(target -> queries.add(target.path("expr").asText())));
    dashboard.path("templating").path("list").forEach(variable -> {
      if (variable.path("query").has("query")) {
        queries.add(variable.path("query").path("query").asText());
      }
    });
    return queries;
  }

  private static List<String> alertExpressions(RenderedChart chart) {
    JsonNode groups = Json.toNode(chart.objects().stream().filter(o -> "PrometheusRule".equals(o.getKind()))
        .findFirst().orElseThrow()).path("spec").path("groups");
    return AlertRulesIT.rules(groups).stream().map(rule -> rule.path("expr").asText()).toList();
  }

  /**
   * Runs the operator in-process with its {@code /metrics} server on a free port, brings it to a state where
   * every series of SPEC §7.2 and of the JVM exists, and returns a scrape of that endpoint.
   */
  private String operatorWithEverySeries(ControlPlane controlPlane) throws Exception {
    KubernetesClient client = controlPlane.client();
    TestNamespace app = TestNamespace.create(client, "dash-app");
    cleanup.add(app);
    TestNamespace gateways = TestNamespace.create(client, "dash-gw");
    cleanup.add(gateways);
    ClusterIdentity identity = created(client, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
        """, ClusterIdentity.class);
    created(client, """
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata: {name: dns-config}
        spec:
          externalDNSControllers:
          - {name: external-dns-weu, region: weu}
          - {name: external-dns-neu, region: neu}
        """, DNSConfiguration.class);
    created(client, """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: default-gateway, namespace: %s}
        spec: {controller: aks-istio-ingressgateway-internal, credentialName: cert-aks-ingress, targetPostfix: internal}
        """.formatted(gateways.name()), Gateway.class);
    created(client, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: %s}
        spec: {mode: Active}
        """.formatted(app.name()), DNSPolicy.class);
    created(client, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: web, namespace: %s}
        spec: {serviceName: web, gatewayName: default-gateway, environment: prod, application: shop}
        """.formatted(app.name()), ServiceRoute.class);

    OperatorMetrics metrics = new OperatorMetrics("test");
    cleanup.add(metrics);
    ProbeServer server = ProbeServer.metrics(new InetSocketAddress("127.0.0.1", 0), metrics::scrape);
    cleanup.add(server);
    Options options = new Options(gateways.name(), Options.DEFAULTS.addressRecords(), DnsEndpointLayout.ROUTE);
    cleanup.add(OperatorRuntime.start(client, new OperatorSettings(WatchScope.ALL, options, 4, Optional.empty()),
        metrics, Clock.systemUTC()));
    await().atMost(TIMEOUT).untilAsserted(() -> {
      ServiceRoute route = client.resources(ServiceRoute.class).inNamespace(app.name()).withName("web").get();
      assertThat(route.getStatus()).isNotNull();
      assertThat(route.getStatus().getPhase()).isEqualTo(Vocabulary.ACTIVE);
    });

    // a failover: a convergence opens and completes, and region neu is adopted
    client.resources(ClusterIdentity.class).withName(identity.getMetadata().getName())
        .edit(ci -> {
          ci.getSpec().setAdoptsRegions(List.of("neu"));
          return ci;
        });
    System.gc(); // a GC pause to report
    String url = "http://127.0.0.1:" + server.port() + "/metrics";
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(LocalHttp.get(url))
        .hasValueSatisfying(body -> assertThat(body).contains("servicerouter_config_convergence_seconds{source=\"clusteridentity\"}",
            "servicerouter_adopted_regions{region=\"neu\"} 1", "jvm_gc_pause_seconds_count{")));
    return LocalHttp.get(url).orElseThrow();
  }

  /**
   * Runs the harness's ExternalDNS program (v0.22) on the control plane's DNSEndpoints with the in-memory
   * provider until its first sync, and returns its {@code /metrics}.
   */
  private String externalDnsMetrics(ControlPlane controlPlane) {
    String address = "127.0.0.1:" + FreePorts.tcp();
    String name = "external-dns-dashboard";
    ManagedProcess process = ManagedProcess.start(name, List.of(Binaries.locate().externalDns().toString(),
            "--kubeconfig=" + controlPlane.kubeconfig(), "--source=crd",
            "--crd-source-apiversion=externaldns.k8s.io/v1alpha1", "--crd-source-kind=DNSEndpoint",
            "--provider=inmemory", "--inmemory-zone=example.com", "--domain-filter=example.com",
            "--registry=txt", "--txt-owner-id=" + name, "--policy=sync", "--interval=1s",
            "--metrics-address=" + address),
        TestDirectories.logDirectory(controlPlane.name()),
        StateDirectories.fresh(controlPlane.name() + "-" + name).resolve("run"));
    cleanup.add(process::stop);
    String url = "http://" + address + "/metrics";
    process.awaitReady("first ExternalDNS sync", TIMEOUT, () -> LocalHttp.get(url)
        .filter(body -> body.lines().anyMatch(line -> line.matches(
            "external_dns_controller_last_sync_timestamp_seconds [1-9].*"))).isPresent());
    return LocalHttp.get(url).orElseThrow();
  }

  private <T extends HasMetadata> T created(KubernetesClient client, String yaml, Class<T> type) {
    T object = client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).create();
    if (object.getMetadata().getNamespace() == null) {
      cleanup.add(() -> client.resource(object).delete());
    }
    return object;
  }
}
