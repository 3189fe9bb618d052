package io.servicerouter.operator.lifecycle;

import static io.servicerouter.operator.lifecycle.LifecycleCluster.BASELINE_IDENTITY_SPEC;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.DNS_CONFIG;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.IDENTITY;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.eventually;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.readyMessage;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.operator.lifecycle.LifecycleCluster.App;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ControlPlaneExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 rows that change the cluster-scoped singletons (ClusterIdentity, DNSConfiguration): adoption
 * (failover and recovery), controllers added to and removed from the DNSConfiguration (including a
 * cross-region controller), fail static when a singleton disappears, and a second ClusterIdentity. The tests
 * run in a defined order and each restores the baseline of {@link LifecycleCluster} afterwards.
 */
@ExtendWith(ControlPlaneExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSingletonsLifecycleIT {

  private static final String WEU_TARGET = "aks01-weu-internal.example.com";

  private static LifecycleCluster cluster;

  @BeforeAll
  static void startOperator() throws Exception {
    cluster = LifecycleCluster.start();
  }

  @AfterAll
  static void stopOperator() {
    cluster.close();
  }

  @AfterEach
  void restoreBaseline() {
    cluster.restoreBaseline();
  }

  @Test
  @Order(1)
  void adoptingARegionCreatesItsRecordsForActivePinnedAndHubPoliciesAndReleasingItDeletesThem() {
    App app = cluster.app("{mode: Active}", true);
    cluster.loadBalancer(app, "10.9.0.1");
    App pinned = cluster.app("{mode: Active, sourceRegion: neu}");
    App hub = cluster.app("{mode: RegionBound, sourceRegion: neu}");
    cluster.awaitActive(app, app.uniqueTargetHost(), "web-external-dns-weu");
    eventually(() -> assertThat(cluster.endpointNames(app.gatewayNamespace()))
        .containsExactly(app.addressRecord("external-dns-weu")));
    cluster.awaitRoute(pinned, "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
    cluster.awaitRoute(hub, "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
    long neuBefore = cluster.plannedEndpointsInRegion("neu");

    long patched = System.nanoTime();
    setAdoptedRegions("[neu]");
    cluster.awaitActive(app, app.uniqueTargetHost(), "web-external-dns-weu", "web-external-dns-neu");
    cluster.awaitActive(pinned, WEU_TARGET, "web-external-dns-neu");
    cluster.awaitActive(hub, WEU_TARGET, "web-external-dns-weu", "web-external-dns-neu");
    eventually(() -> {
      ClusterIdentity identity = cluster.identity(IDENTITY);
      assertThat(identity.getStatus().getServedRegions()).containsExactly("weu", "neu");
      assertThat(identity.getStatus().condition(Vocabulary.ADOPTED_REGIONS_VALID).orElseThrow().getReason())
          .isEqualTo(Vocabulary.ALL_ADOPTED_REGIONS_VALID);
      assertThat(cluster.endpoint(app.namespace(), "web-external-dns-neu").getMetadata().getLabels())
          .containsEntry(Labels.LABEL_REGION, "neu")
          .containsEntry(Labels.LABEL_CONTROLLER, "external-dns-neu");
      assertThat(cluster.route(app.namespace(), "web").getStatus().getDnsEndpoints())
          .as("DNSConfiguration order").containsExactly("web-external-dns-weu", "web-external-dns-neu");
      assertThat(cluster.endpointNames(app.gatewayNamespace())).as("address records, scope active")
          .containsExactly(app.addressRecord("external-dns-neu"), app.addressRecord("external-dns-weu"));
      assertThat(cluster.singleEndpoint(app.gatewayNamespace(), app.addressRecord("external-dns-neu")).getTargets())
          .containsExactly("10.9.0.1");
    });
    // this test's own: web-external-dns-neu of app, pinned and hub, and app's address record for external-dns-neu
    long added = cluster.plannedEndpointsInRegion("neu") - neuBefore;
    assertThat(added).isGreaterThanOrEqualTo(4);
    eventually(() -> assertThat(cluster.events("default", "FailoverStarted")).extracting(Event::getMessage)
        .contains("Adopting region neu: " + added + " DNSEndpoints added"));
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace(), pinned.namespace(), hub.namespace());
    eventually(() -> {
      assertThat(cluster.metrics()).contains("servicerouter_config_convergence_in_progress{source=\"clusteridentity\"} 0.0");
      assertThat(convergenceSeconds()).as("the routes changed, so the convergence took time, but less than the test")
          .isPositive().isLessThan((System.nanoTime() - patched) / 1e9);
    });

    setAdoptedRegions("[]");
    cluster.awaitActive(app, app.uniqueTargetHost(), "web-external-dns-weu");
    cluster.awaitRoute(pinned, "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
    cluster.awaitRoute(hub, "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
    eventually(() -> {
      assertThat(cluster.identity(IDENTITY).getStatus().getServedRegions()).containsExactly("weu");
      assertThat(cluster.endpointNames(app.gatewayNamespace()))
          .containsExactly(app.addressRecord("external-dns-weu"));
    });
    eventually(() -> assertThat(cluster.events("default", "FailoverEnded")).extracting(Event::getMessage)
        .contains("Releasing region neu: " + added + " DNSEndpoints removed"));
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace(), pinned.namespace(), hub.namespace());
  }

  @Test
  @Order(2)
  void adoptedRegionWithoutControllerIsIgnoredAndReported() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    setAdoptedRegions("[xyz]");
    eventually(() -> {
      ClusterIdentity identity = cluster.identity(IDENTITY);
      assertThat(identity.getStatus().condition(Vocabulary.ADOPTED_REGIONS_VALID).orElseThrow())
          .satisfies(condition -> {
            assertThat(condition.getReason()).isEqualTo(Vocabulary.ADOPTED_REGION_NOT_FOUND);
            assertThat(condition.getMessage())
                .isEqualTo("Adopted regions [xyz] have no matching controller in DNSConfiguration");
          });
      assertThat(identity.getStatus().getServedRegions()).containsExactly("weu");
      assertThat(state(identity.getStatus())).isEqualTo("Active/ReconciliationSucceeded");
    });
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
  }

  @Test
  @Order(3)
  void crossRegionControllerAddedCreatesRecordsForItsRegionAndRemovedDeletesThem() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    setControllers("[{name: external-dns-weu, region: weu}, {name: external-dns-fra, region: weu},"
        + " {name: external-dns-neu, region: neu}]");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu", "web-external-dns-fra");
    eventually(() -> {
      assertThat(cluster.endpoint(app.namespace(), "web-external-dns-fra").getMetadata().getLabels())
          .containsEntry(Labels.LABEL_CONTROLLER, "external-dns-fra")
          .containsEntry(Labels.LABEL_REGION, "weu");
      assertThat(cluster.endpoint(app.namespace(), "web-external-dns-fra").getMetadata().getAnnotations())
          .containsEntry(Labels.ANNOTATION_CONTROLLER, "external-dns-fra");
      assertThat(cluster.policy(app.namespace(), "default").getStatus().getActiveControllers())
          .containsExactly("external-dns-weu", "external-dns-fra");
    });
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());

    setControllers(LifecycleCluster.BASELINE_CONTROLLERS);
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
  }

  @Test
  @Order(4)
  void removingTheLastActiveControllerDeletesRecordsAndFailsTheRoute() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    setControllers("[{name: external-dns-neu, region: neu}]");
    cluster.awaitRoute(app, "Failed/" + Vocabulary.DNS_ENDPOINT_GENERATION_FAILED);
    eventually(() -> {
      assertThat(readyMessage(cluster.route(app.namespace(), "web").getStatus()))
          .isEqualTo("no active controllers in DNSPolicy");
      assertThat(cluster.route(app.namespace(), "web").getStatus().getDnsEndpoints()).isNullOrEmpty();
    });
  }

  @Test
  @Order(5)
  void deletedClusterIdentityKeepsEverythingWrittenAndReportsPending() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
    eventually(() -> assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway")).isNotNull());
    String endpointVersion = resourceVersionOfRouteEndpoint(app);
    String istioVersion = cluster.istioGateway(app.gatewayNamespace(), "default-gateway").getMetadata()
        .getResourceVersion();

    cluster.client().resources(ClusterIdentity.class).withName(IDENTITY).delete();
    String pending = "Pending/" + Vocabulary.CLUSTER_IDENTITY_NOT_AVAILABLE;
    cluster.awaitRoute(app, pending, "web-external-dns-weu");
    eventually(() -> {
      assertThat(state(cluster.policy(app.namespace(), "default").getStatus())).isEqualTo(pending);
      Gateway gateway = cluster.gateway(app.gatewayNamespace(), "default-gateway");
      assertThat(state(gateway.getStatus())).isEqualTo(pending);
      assertThat(cluster.events(app.namespace(), "PolicyDeactivated")).isNotEmpty();
    });
    assertThat(resourceVersionOfRouteEndpoint(app)).as("route DNSEndpoint kept unchanged").isEqualTo(endpointVersion);
    assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway").getMetadata().getResourceVersion())
        .as("Istio Gateway untouched").isEqualTo(istioVersion);
  }

  @Test
  @Order(6)
  void deletedDnsConfigurationKeepsRecordsAndReportsPending() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
    String endpointVersion = resourceVersionOfRouteEndpoint(app);

    cluster.client().resources(DNSConfiguration.class).withName(DNS_CONFIG).delete();
    String pending = "Pending/" + Vocabulary.DNS_CONFIGURATION_NOT_AVAILABLE;
    cluster.awaitRoute(app, pending, "web-external-dns-weu");
    eventually(() -> {
      DNSPolicy policy = cluster.policy(app.namespace(), "default");
      assertThat(state(policy.getStatus())).isEqualTo(pending);
      assertThat(policy.getStatus().getActiveControllers()).isNull();
      assertThat(cluster.identity(IDENTITY).getStatus().getServedRegions()).containsExactly("weu");
    });
    assertThat(resourceVersionOfRouteEndpoint(app)).as("route DNSEndpoint kept unchanged").isEqualTo(endpointVersion);
  }

  @Test
  @Order(7)
  void secondClusterIdentityIsRejectedUntilTheOlderOneIsDeleted() throws InterruptedException {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    Thread.sleep(1_100); // a later creationTimestamp (second resolution), so "older" is decided by age
    String second = "aaa-second-identity";
    LifecycleCluster.apply(cluster.client(), LifecycleCluster.identityYaml(second,
        "{region: neu, cluster: aks02, domain: example.com, environmentLetter: p}"), ClusterIdentity.class);
    eventually(() -> {
      ClusterIdentity newer = cluster.identity(second);
      assertThat(state(newer.getStatus())).isEqualTo("Failed/" + Vocabulary.SINGLETON_VIOLATION);
      assertThat(readyMessage(newer.getStatus())).isEqualTo("only one ClusterIdentity resource is allowed per"
          + " cluster, found 2; \"" + IDENTITY + "\" is authoritative");
      assertThat(newer.getStatus().getServedRegions()).isNull();
    });
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    cluster.client().resources(ClusterIdentity.class).withName(IDENTITY).delete();
    eventually(() -> assertThat(state(cluster.identity(second).getStatus()))
        .isEqualTo("Active/ReconciliationSucceeded"));
    cluster.awaitActive(app, "aks02-neu-internal.example.com", "web-external-dns-neu");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  @Test
  @Order(8)
  void regionChangeMovesActiveRecordsToTheNewRegionsControllers() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    LifecycleCluster.apply(cluster.client(), LifecycleCluster.identityYaml(IDENTITY,
        "{region: neu, cluster: aks01, domain: example.com, environmentLetter: p}"), ClusterIdentity.class);
    cluster.awaitActive(app, "aks01-neu-internal.example.com", "web-external-dns-neu");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  @Test
  @Order(9)
  void controllerRegionChangeCreatesRecordsWhereItBecomesActiveWithTheNewRegionLabel() {
    App app = cluster.app("{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    setControllers("[{name: external-dns-weu, region: weu}, {name: external-dns-neu, region: weu}]");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu", "web-external-dns-neu");
    eventually(() -> assertThat(cluster.endpoint(app.namespace(), "web-external-dns-neu").getMetadata().getLabels())
        .containsEntry(Labels.LABEL_REGION, "weu"));

    setControllers("[{name: external-dns-weu, region: neu}, {name: external-dns-neu, region: weu}]");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-neu");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  private String resourceVersionOfRouteEndpoint(App app) {
    return cluster.endpoint(app.namespace(), "web-external-dns-weu").getMetadata().getResourceVersion();
  }

  /** The value of {@code servicerouter_config_convergence_seconds{source="clusteridentity"}}. */
  private static double convergenceSeconds() {
    Matcher sample = Pattern.compile("^servicerouter_config_convergence_seconds\\{source=\"clusteridentity\"} (\\S+)$",
        Pattern.MULTILINE).matcher(cluster.metrics());
    assertThat(sample.find()).as("convergence gauge exported").isTrue();
    return Double.parseDouble(sample.group(1));
  }

  private static void setAdoptedRegions(String regions) {
    String spec = BASELINE_IDENTITY_SPEC.replace("}", ", adoptsRegions: " + regions + "}");
    LifecycleCluster.apply(cluster.client(), LifecycleCluster.identityYaml(IDENTITY, spec), ClusterIdentity.class);
  }

  private static void setControllers(String controllers) {
    LifecycleCluster.apply(cluster.client(), LifecycleCluster.dnsConfigurationYaml(controllers),
        DNSConfiguration.class);
  }
}
