package io.servicerouter.operator.lifecycle;

import static io.servicerouter.operator.lifecycle.LifecycleCluster.BASELINE_CONTROLLERS;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.DNS_CONFIG;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.IDENTITY;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.WEU_TARGET;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 rows that change the cluster-scoped singletons (ClusterIdentity, DNSConfiguration): adoption
 * (failover and recovery), controllers added to and removed from the DNSConfiguration (including a
 * cross-region controller), fail static when a singleton disappears, and a second ClusterIdentity. The tests
 * run in a defined order; {@link LifecycleClusterExtension} restores the baseline of {@link LifecycleCluster}
 * after each.
 */
@ExtendWith({ControlPlaneExtension.class, LifecycleClusterExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSingletonsLifecycleIT {

  private final LifecycleCluster cluster;

  ClusterSingletonsLifecycleIT(LifecycleCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * The apps whose records follow an adoption of region neu.
   *
   * @param app Active, with a unique Istio controller and a LoadBalancer address (an address record)
   * @param pinned Active, gated to the source region neu
   * @param hub RegionBound to the source region neu
   */
  private record FailoverApps(App app, App pinned, App hub) {

    String[] namespaces() {
      return new String[] {app.namespace(), app.gatewayNamespace(), pinned.namespace(), hub.namespace()};
    }
  }

  @Test
  @Order(1)
  void adoptingARegionCreatesItsRecordsForActivePinnedAndHubPolicies() {
    FailoverApps apps = failoverApps();
    long neuBefore = cluster.plannedEndpointsInRegion("neu");

    long patched = System.nanoTime();
    cluster.adoptRegions("[neu]");
    awaitAdopted(apps);
    // this test's own: web-external-dns-neu of app, pinned and hub, and app's address record for external-dns-neu
    long added = cluster.plannedEndpointsInRegion("neu") - neuBefore;
    assertThat(added).isGreaterThanOrEqualTo(4);
    eventually(() -> assertThat(cluster.events("default", "FailoverStarted")).extracting(Event::getMessage)
        .contains("Adopting region neu: " + added + " DNSEndpoints added"));
    cluster.assertWrittenAsPlanned(apps.namespaces());
    eventually(() -> {
      assertThat(cluster.metrics())
          .contains("servicerouter_config_convergence_in_progress{source=\"clusteridentity\"} 0.0");
      assertThat(cluster.convergenceSeconds().orElseThrow()).as("the routes changed, so the convergence took time, but less than the test")
          .isPositive().isLessThan((System.nanoTime() - patched) / 1e9);
    });
  }

  @Test
  @Order(2)
  void releasingAnAdoptedRegionDeletesItsRecords() {
    FailoverApps apps = failoverApps();
    long neuBefore = cluster.plannedEndpointsInRegion("neu");
    cluster.adoptRegions("[neu]");
    awaitAdopted(apps);
    long added = cluster.plannedEndpointsInRegion("neu") - neuBefore;

    cluster.adoptRegions("[]");
    awaitServingWeuOnly(apps);
    eventually(() -> assertThat(cluster.identity(IDENTITY).getStatus().getServedRegions()).containsExactly("weu"));
    eventually(() -> assertThat(cluster.events("default", "FailoverEnded")).extracting(Event::getMessage)
        .contains("Releasing region neu: " + added + " DNSEndpoints removed"));
    cluster.assertWrittenAsPlanned(apps.namespaces());
  }

  @Test
  @Order(3)
  void adoptedRegionWithoutControllerIsIgnoredAndReported() {
    App app = cluster.activeApp();

    cluster.adoptRegions("[xyz]");
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
  @Order(4)
  void crossRegionControllerAddedCreatesRecordsForItsRegionAndRemovedDeletesThem() {
    App app = cluster.activeApp();

    cluster.applyControllers("[{name: external-dns-weu, region: weu}, {name: external-dns-fra, region: weu},"
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

    cluster.applyControllers(BASELINE_CONTROLLERS);
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
  }

  @Test
  @Order(5)
  void removingTheLastActiveControllerDeletesRecordsAndFailsTheRoute() {
    App app = cluster.activeApp();

    cluster.applyControllers("[{name: external-dns-neu, region: neu}]");
    cluster.awaitRoute(app, "Failed/" + Vocabulary.DNS_ENDPOINT_GENERATION_FAILED);
    eventually(() -> {
      assertThat(readyMessage(cluster.route(app.namespace(), "web").getStatus()))
          .isEqualTo("no active controllers in DNSPolicy");
      assertThat(cluster.route(app.namespace(), "web").getStatus().getDnsEndpoints()).isNullOrEmpty();
    });
  }

  @Test
  @Order(6)
  void deletedClusterIdentityKeepsEverythingWrittenAndReportsPending() {
    App app = cluster.activeApp();
    eventually(() -> assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway")).isNotNull());
    String endpointVersion = cluster.routeRecordVersion(app);
    String istioVersion = cluster.istioGateway(app.gatewayNamespace(), "default-gateway").getMetadata()
        .getResourceVersion();

    cluster.delete(ClusterIdentity.class, null, IDENTITY);
    String pending = "Pending/" + Vocabulary.CLUSTER_IDENTITY_NOT_AVAILABLE;
    cluster.awaitRoute(app, pending, "web-external-dns-weu");
    eventually(() -> {
      assertThat(state(cluster.policy(app.namespace(), "default").getStatus())).isEqualTo(pending);
      Gateway gateway = cluster.gateway(app.gatewayNamespace(), "default-gateway");
      assertThat(state(gateway.getStatus())).isEqualTo(pending);
      assertThat(cluster.events(app.namespace(), "PolicyDeactivated")).isNotEmpty();
    });
    assertThat(cluster.routeRecordVersion(app)).as("route DNSEndpoint kept unchanged").isEqualTo(endpointVersion);
    assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway").getMetadata().getResourceVersion())
        .as("Istio Gateway untouched").isEqualTo(istioVersion);
  }

  @Test
  @Order(7)
  void deletedDnsConfigurationKeepsRecordsAndReportsPending() {
    App app = cluster.activeApp();
    String endpointVersion = cluster.routeRecordVersion(app);

    cluster.delete(DNSConfiguration.class, null, DNS_CONFIG);
    String pending = "Pending/" + Vocabulary.DNS_CONFIGURATION_NOT_AVAILABLE;
    cluster.awaitRoute(app, pending, "web-external-dns-weu");
    eventually(() -> {
      DNSPolicy policy = cluster.policy(app.namespace(), "default");
      assertThat(state(policy.getStatus())).isEqualTo(pending);
      assertThat(policy.getStatus().getActiveControllers()).isNull();
      assertThat(cluster.identity(IDENTITY).getStatus().getServedRegions()).containsExactly("weu");
    });
    assertThat(cluster.routeRecordVersion(app)).as("route DNSEndpoint kept unchanged").isEqualTo(endpointVersion);
  }

  @Test
  @Order(8)
  void secondClusterIdentityIsRejectedUntilTheOlderOneIsDeleted() throws InterruptedException {
    App app = cluster.activeApp();

    Thread.sleep(1_100); // a later creationTimestamp (second resolution), so "older" is decided by age
    String second = "aaa-second-identity";
    cluster.applyIdentity(second, "neu", "aks02");
    eventually(() -> {
      ClusterIdentity newer = cluster.identity(second);
      assertThat(state(newer.getStatus())).isEqualTo("Failed/" + Vocabulary.SINGLETON_VIOLATION);
      assertThat(readyMessage(newer.getStatus())).isEqualTo("only one ClusterIdentity resource is allowed per"
          + " cluster, found 2; \"" + IDENTITY + "\" is authoritative");
      assertThat(newer.getStatus().getServedRegions()).isNull();
    });
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");

    cluster.delete(ClusterIdentity.class, null, IDENTITY);
    eventually(() -> assertThat(state(cluster.identity(second).getStatus()))
        .isEqualTo("Active/ReconciliationSucceeded"));
    cluster.awaitActive(app, "aks02-neu-internal.example.com", "web-external-dns-neu");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  @Test
  @Order(9)
  void regionChangeMovesActiveRecordsToTheNewRegionsControllers() {
    App app = cluster.activeApp();

    cluster.applyIdentity(IDENTITY, "neu", "aks01");
    cluster.awaitActive(app, "aks01-neu-internal.example.com", "web-external-dns-neu");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  @Test
  @Order(10)
  void controllerRegionChangeCreatesRecordsWhereItBecomesActiveWithTheNewRegionLabel() {
    App app = cluster.activeApp();

    cluster.applyControllers("[{name: external-dns-weu, region: weu}, {name: external-dns-neu, region: weu}]");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu", "web-external-dns-neu");
    eventually(() -> assertThat(cluster.endpoint(app.namespace(), "web-external-dns-neu").getMetadata().getLabels())
        .containsEntry(Labels.LABEL_REGION, "weu"));

    cluster.applyControllers("[{name: external-dns-weu, region: neu}, {name: external-dns-neu, region: weu}]");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-neu");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  /**
   * Creates the {@link FailoverApps} and awaits them as the baseline serves them, with region neu not adopted:
   * see {@link #awaitServingWeuOnly}.
   */
  private FailoverApps failoverApps() {
    App app = cluster.app("{mode: Active}", true);
    cluster.loadBalancer(app, "10.9.0.1");
    FailoverApps apps = new FailoverApps(app, cluster.app("{mode: Active, sourceRegion: neu}"),
        cluster.app("{mode: RegionBound, sourceRegion: neu}"));
    awaitServingWeuOnly(apps);
    return apps;
  }

  /** Awaits the app Active in weu only, with its weu address record, and the pinned and hub apps inactive. */
  private void awaitServingWeuOnly(FailoverApps apps) {
    App app = apps.app();
    cluster.awaitActive(app, app.uniqueTargetHost(), "web-external-dns-weu");
    eventually(() -> assertThat(cluster.endpointNames(app.gatewayNamespace()))
        .containsExactly(app.addressRecord("external-dns-weu")));
    cluster.awaitRoute(apps.pinned(), "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
    cluster.awaitRoute(apps.hub(), "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
  }

  /** Awaits the records of the adopted region neu for every app, in the labels, order and address wanted. */
  private void awaitAdopted(FailoverApps apps) {
    App app = apps.app();
    cluster.awaitActive(app, app.uniqueTargetHost(), "web-external-dns-weu", "web-external-dns-neu");
    cluster.awaitActive(apps.pinned(), WEU_TARGET, "web-external-dns-neu");
    cluster.awaitActive(apps.hub(), WEU_TARGET, "web-external-dns-weu", "web-external-dns-neu");
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
  }
}
