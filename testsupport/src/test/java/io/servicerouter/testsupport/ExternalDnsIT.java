package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Json;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.DnsLookup;
import io.servicerouter.testsupport.ExternalDns.Placement;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.ExternalDns;
import io.servicerouter.testsupport.TestDirectories;
import io.servicerouter.testsupport.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DNSEndpoints created through the API server reach BIND through ExternalDNS (rfc2136, TSIG, TXT registry):
 * created, updated and deleted records show in DNS answers, endpoints of another controller are left out, and
 * an upsert-only instance never deletes. The two sync instances select their endpoints one by label, one by
 * annotation. Each instance runs exactly the arguments the Helm chart renders for it, and the chart decides the
 * policy from the cluster's and the zone's regions.
 */
@ExtendWith(ControlPlaneExtension.class)
class ExternalDnsIT {

  private static final Duration DNS_TIMEOUT = Duration.ofSeconds(30);
  private static final int LATENCY_SAMPLES = 15;
  private static final String OTHER_CONTROLLER = "external-dns-other";
  /**
   * ExternalDNS's effective sync period with {@code --interval=1s}: its loop ticks every second but skips a
   * tick that comes a hair before the interval has passed, so passes are 1 or 2 s apart.
   */
  private static final Duration SYNC_PERIOD = Duration.ofSeconds(2);

  private static ControlPlane cluster;
  private static BindServer bind;
  private static ExternalDns byLabel;
  private static ExternalDns byAnnotation;
  private static ExternalDns upsertOnly;
  private static TestNamespace namespace;
  private static KubernetesClient client;
  private static DnsLookup dns;

  @BeforeAll
  static void startDns(ControlPlane controlPlane) {
    cluster = controlPlane;
    bind = BindServer.start("dns", List.of("weu.example.test", "neu.example.test", "frc.example.test"));
    dns = bind.lookup();
    byLabel = ExternalDns.start(controlPlane, bind,
        new Settings("external-dns-weu", "weu.example.test", Policy.SYNC, Selection.LABEL));
    byAnnotation = ExternalDns.start(controlPlane, bind,
        new Settings("external-dns-neu", "neu.example.test", Policy.SYNC, Selection.ANNOTATION));
    upsertOnly = ExternalDns.start(controlPlane, bind,
        new Settings("external-dns-frc", "frc.example.test", Policy.UPSERT_ONLY, Selection.LABEL));
    client = controlPlane.client();
    namespace = TestNamespace.create(client, "dns");
  }

  @AfterAll
  static void stopDns() {
    if (namespace != null) {
      namespace.close();
    }
    Stream.of(byLabel, byAnnotation, upsertOnly).filter(Objects::nonNull).forEach(ExternalDns::close);
    if (bind != null) {
      bind.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Selection.class)
  void createdUpdatedAndDeletedEndpointsShowInDns(Selection selection) {
    Settings settings = syncInstance(selection).settings();
    String name = "web-" + settings.controller();
    String hostname = "web." + settings.zone();
    client.resource(endpointOf(settings, name, hostname, "blue.example.org")).create();
    dns.await(hostname, "CNAME", List.of("blue.example.org"), DNS_TIMEOUT);

    client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName(name).edit(e -> {
      e.getSpec().setEndpoints(
          List.of(new Endpoint(hostname, "CNAME", List.of("green.example.org"), DnsEndpoints.TTL_SECONDS)));
      return e;
    });
    dns.await(hostname, "CNAME", List.of("green.example.org"), DNS_TIMEOUT);

    client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName(name).delete();
    dns.await(hostname, "CNAME", List.of(), DNS_TIMEOUT);
  }

  @ParameterizedTest
  @EnumSource(Selection.class)
  void endpointOfAnotherControllerIsIgnored(Selection selection) {
    ExternalDns instance = syncInstance(selection);
    Settings settings = instance.settings();
    String foreign = "foreign." + settings.zone();
    client.resource(selection.mark(DnsEndpoints.cname(namespace.name(), "foreign-" + settings.controller(), foreign,
        "other.example.org"), OTHER_CONTROLLER)).create();
    String own = "own." + settings.zone();
    client.resource(endpointOf(settings, "own-" + settings.controller(), own, "mine.example.org")).create();

    dns.await(own, "CNAME", List.of("mine.example.org"), DNS_TIMEOUT);
    instance.awaitCompletePass(DNS_TIMEOUT);
    assertThat(dns.answers(foreign, "CNAME")).isEmpty();
  }

  @Test
  void upsertOnlyInstanceKeepsTheRecordOfADeletedEndpoint() {
    Settings settings = upsertOnly.settings();
    String hostname = "kept." + settings.zone();
    client.resource(endpointOf(settings, "kept", hostname, "standby.example.org")).create();
    dns.await(hostname, "CNAME", List.of("standby.example.org"), DNS_TIMEOUT);

    client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName("kept").delete();
    upsertOnly.awaitCompletePass(DNS_TIMEOUT);

    assertThat(dns.answers(hostname, "CNAME")).containsExactly("standby.example.org");
  }

  /**
   * Each create waits a random part of ExternalDNS's sync period first: back-to-back creates would all land
   * just after a sync pass (the previous answer appeared then) and measure one phase of the loop only.
   */
  @Test
  void createToAnswerLatencyIsMeasured() throws IOException, InterruptedException {
    Settings settings = byLabel.settings();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < LATENCY_SAMPLES; i++) {
      Thread.sleep(ThreadLocalRandom.current().nextLong(SYNC_PERIOD.toMillis()));
      String hostname = "latency-" + i + "." + settings.zone();
      long t0 = System.nanoTime();
      client.resource(endpointOf(settings, "latency-" + i, hostname, "target.example.org")).create();
      dns.await(hostname, "CNAME", List.of("target.example.org"), DNS_TIMEOUT);
      millis.add(Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }
    String report = String.format(Locale.ROOT,
        "DNSEndpoint create-to-answer latency (ExternalDNS --interval=1s, BIND): median %d ms over %d creates; "
            + "samples (ms): %s%n", median(millis), millis.size(), millis);
    System.out.print(report);
    Files.writeString(TestDirectories.logRoot().resolve("dns-latency.txt"), report);
    assertThat(millis).hasSize(LATENCY_SAMPLES);
  }

  /**
   * The command line of each instance is the program, the container arguments of the chart's Deployment for its
   * zone (rendered here from values written as a user writes them), then only {@code --kubeconfig} and
   * {@code --metrics-address}; the TSIG secret is in the environment variable the Deployment declares, never on
   * the command line.
   */
  @Test
  void eachInstanceRunsTheChartsArgumentsPlusOnlyKubeconfigAndMetricsAddress() throws IOException {
    for (ExternalDns instance : List.of(byLabel, byAnnotation, upsertOnly)) {
      List<String> chartArguments = chartArguments(instance.settings());
      List<String> commandLine = procEntries(instance.pid(), "cmdline");

      assertThat(commandLine.get(0)).isEqualTo(Binaries.locate().externalDns().toString());
      assertThat(commandLine.subList(1, commandLine.size() - 2)).isEqualTo(chartArguments);
      assertThat(commandLine.subList(commandLine.size() - 2, commandLine.size())).satisfiesExactly(
          kubeconfig -> assertThat(kubeconfig).isEqualTo("--kubeconfig=" + cluster.kubeconfig()),
          metrics -> assertThat(metrics).matches("--metrics-address=127\\.0\\.0\\.1:[0-9]+"));
      assertThat(chartArguments).contains("--txt-owner-id=" + instance.settings().controller(),
          "--policy=" + (instance.policy() == Policy.SYNC ? "sync" : "upsert-only"));
      assertThat(procEntries(instance.pid(), "environ"))
          .contains("EXTERNAL_DNS_RFC2136_TSIG_SECRET=" + bind.tsigKey().secret());
      assertThat(String.join(" ", commandLine)).doesNotContain(bind.tsigKey().secret());
    }
  }

  /** The chart renders sync on the zone's home cluster, upsert-only elsewhere, unless set (SPEC §8.2 rule 2). */
  @ParameterizedTest
  @CsvSource({"weu, weu, , SYNC", "neu, weu, , UPSERT_ONLY", "neu, weu, SYNC, SYNC",
      "weu, weu, UPSERT_ONLY, UPSERT_ONLY"})
  void theChartDecidesThePolicyFromTheRegions(String clusterRegion, String zoneRegion, Policy explicit,
      Policy rendered) {
    Settings settings = new Settings("external-dns-weu", "weu.example.test", Selection.LABEL,
        new Placement(clusterRegion, zoneRegion, Optional.ofNullable(explicit)));
    Path values = TestDirectories.logDirectory("external-dns-chart").resolve(
        "policy-" + clusterRegion + "-" + zoneRegion + "-" + explicit + ".yaml");

    assertThat(ExternalDns.render(settings, bind.port(), bind.tsigKey(), values).policy()).isEqualTo(rendered);
  }

  private static List<String> chartArguments(Settings settings) throws IOException {
    String values = """
        externalDns:
          enabled: true
          clusterRegion: test
          domain: %s
          interval: 1s
          events: false
          selection: %s
          zones:
            - controller: %s
              region: test
              policy: %s
              provider:
                rfc2136:
                  host: 127.0.0.1
                  port: %d
                  tsigKeyName: %s
                  tsigSecretAlg: %s
                  tsigSecret: {name: tsig, key: secret}
        """.formatted(settings.zone(), settings.selection() == Selection.LABEL ? "label" : "annotation",
        settings.controller(), settings.placement().policy().orElseThrow() == Policy.SYNC ? "sync" : "upsert-only",
        bind.port(), bind.tsigKey().name(), bind.tsigKey().algorithm());
    Path file = TestDirectories.logDirectory("external-dns-chart").resolve(settings.controller() + ".yaml");
    Files.writeString(file, values);
    String manifests = HelmChart.locate().template("release", "namespace",
        List.of("--values", file.toString(), "--show-only", "templates/externaldns.yaml"));
    for (String document : manifests.split("(?m)^---\\s*$")) {
      GenericKubernetesResource object = Json.read(document, GenericKubernetesResource.class);
      if (object != null && "Deployment".equals(object.getKind())
          && settings.controller().equals(object.getMetadata().getName())) {
        return Json.convert(object, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0)
            .getArgs();
      }
    }
    throw new AssertionError("no Deployment " + settings.controller() + " rendered:\n" + manifests);
  }

  /** The NUL-separated entries of {@code /proc/<pid>/<file>} (cmdline, environ). */
  private static List<String> procEntries(long pid, String file) throws IOException {
    String content = Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.UTF_8);
    return List.of(content.split("\0"));
  }

  private static ExternalDns syncInstance(Selection selection) {
    return selection == Selection.LABEL ? byLabel : byAnnotation;
  }

  private static DNSEndpoint endpointOf(Settings settings, String name, String hostname, String target) {
    return settings.selection()
        .mark(DnsEndpoints.cname(namespace.name(), name, hostname, target), settings.controller());
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
