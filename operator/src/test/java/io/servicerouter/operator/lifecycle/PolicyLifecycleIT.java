package io.servicerouter.operator.lifecycle;

import static io.servicerouter.operator.lifecycle.LifecycleCluster.WEU_TARGET;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.eventually;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.readyMessage;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.operator.lifecycle.LifecycleCluster.App;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ControlPlaneExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 DNSPolicy rows, against the baseline WEU cluster of {@link LifecycleCluster}: mode changes,
 * deactivation through sourceRegion or sourceCluster, deletion, and a second policy in a namespace. Each test
 * uses namespaces of its own and leaves the cluster-scoped singletons alone.
 */
@ExtendWith({ControlPlaneExtension.class, LifecycleClusterExtension.class})
class PolicyLifecycleIT {

  private final LifecycleCluster cluster;

  PolicyLifecycleIT(LifecycleCluster cluster) {
    this.cluster = cluster;
  }

  @Test
  void regionBoundAddsEveryControllersRecordsAndActiveRemovesOtherRegions() {
    App app = cluster.activeApp();

    setPolicySpec(app, "{mode: RegionBound, sourceRegion: weu}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu", "web-external-dns-neu");
    eventually(() -> assertThat(cluster.policy(app.namespace(), "default").getStatus().getActiveControllers())
        .containsExactly("external-dns-weu", "external-dns-neu"));
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());

    setPolicySpec(app, "{mode: Active}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
  }

  @Test
  void policyGatedToAnotherRegionIsInactiveAndItsRecordsAreDeleted() {
    App app = cluster.activeApp();

    setPolicySpec(app, "{mode: Active, sourceRegion: neu}");
    awaitInactive(app, "Policy not active for this cluster: SourceRegion 'neu' does not match cluster region 'weu'");
  }

  @Test
  void policyGatedToAnotherClusterIsInactiveAndItsRecordsAreDeletedUntilItIsReactivated() {
    App app = cluster.activeApp();

    setPolicySpec(app, "{mode: Active, sourceRegion: weu, sourceCluster: aks99}");
    awaitInactive(app, "Policy not active for this cluster: SourceCluster 'aks99' does not match cluster name 'aks01'");

    setPolicySpec(app, "{mode: Active, sourceRegion: weu, sourceCluster: aks01}");
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
    eventually(() -> {
      assertThat(cluster.events(app.namespace(), "PolicyActivated")).as("one Event per transition").hasSize(2);
      assertThat(cluster.events(app.namespace(), "PolicyDeactivated")).hasSize(1);
    });
  }

  @Test
  void deletedPolicyDeletesRecordsButKeepsTheIstioHost() {
    App app = cluster.activeApp();

    cluster.delete(DNSPolicy.class, app.namespace(), "default");
    cluster.awaitRoute(app, "Pending/" + Vocabulary.DNS_POLICY_NOT_FOUND);
    eventually(() -> {
      assertThat(cluster.route(app.namespace(), "web").getStatus().getDnsEndpoints()).isNullOrEmpty();
      assertThat(cluster.istioHosts(app.gatewayNamespace(), "default-gateway")).containsExactly(app.hostname());
    });
  }

  @Test
  void secondPolicyInANamespaceConflictsAndTheOlderStaysAuthoritative() throws InterruptedException {
    App app = cluster.activeApp();

    Thread.sleep(1_100); // a later creationTimestamp (second resolution), so "older" is decided by age
    cluster.createPolicy(app.namespace(), "aaa-newer", "{mode: RegionBound, sourceRegion: weu}");
    eventually(() -> {
      DNSPolicy newer = cluster.policy(app.namespace(), "aaa-newer");
      assertThat(state(newer.getStatus())).isEqualTo("Failed/" + Vocabulary.POLICY_CONFLICT);
      assertThat(readyMessage(newer.getStatus()))
          .isEqualTo("only one DNSPolicy is allowed per namespace; DNSPolicy \"default\" is authoritative");
      assertThat(state(cluster.policy(app.namespace(), "default").getStatus()))
          .isEqualTo("Active/ReconciliationSucceeded");
      assertThat(cluster.events(app.namespace(), Vocabulary.POLICY_CONFLICT)).isNotEmpty();
    });
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
  }

  private void awaitInactive(App app, String message) {
    cluster.awaitRoute(app, "Pending/" + Vocabulary.DNS_POLICY_INACTIVE);
    eventually(() -> {
      DNSPolicy policy = cluster.policy(app.namespace(), "default");
      assertThat(state(policy.getStatus())).isEqualTo("Inactive/" + Vocabulary.POLICY_INACTIVE);
      assertThat(readyMessage(policy.getStatus())).isEqualTo(message);
      assertThat(policy.getStatus().getActive()).isFalse();
      assertThat(policy.getStatus().getActiveControllers()).isNull();
      assertThat(cluster.events(app.namespace(), "PolicyDeactivated"))
          .anySatisfy(event -> assertThat(event.getMessage()).isEqualTo("DNSPolicy is no longer active: " + message));
      assertThat(cluster.istioHosts(app.gatewayNamespace(), "default-gateway"))
          .as("a standby cluster still serves the host").containsExactly(app.hostname());
    });
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  private void setPolicySpec(App app, String spec) {
    DNSPolicy wanted = LifecycleCluster.manifest("dns-policy.yaml", DNSPolicy.class, "default", app.namespace(), spec);
    cluster.edit(DNSPolicy.class, app.namespace(), "default", current -> current.setSpec(wanted.getSpec()));
  }
}
