package io.servicerouter.operator.clusteridentity;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.reconcile.Transitions.Transition;
import io.servicerouter.planner.IndexedSnapshot;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3.11 FailoverStarted / FailoverEnded: the counts compare the desired state with the adoption before
 * and after the change (E2: one route DNSEndpoint of the adopted region), whatever exists in the cluster.
 */
class FailoverEventsTest {

  private static ClusterIdentityStatus served(String... regions) {
    ClusterIdentityStatus status = new ClusterIdentityStatus();
    status.setServedRegions(List.of(regions));
    return status;
  }

  private static ClusterIdentity identity(String adoptsRegions) {
    return object(ClusterIdentity.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: neu, cluster: aks01, domain: example.com, environmentLetter: p, adoptsRegions: %s}
        """.formatted(adoptsRegions));
  }

  /** SPEC §4.5 input F in region neu with the given ClusterIdentity, plus a RegionBound hub sourced in neu. */
  private static Snapshot snapshot(ClusterIdentity identity) {
    return IndexedSnapshot.builder(Options.DEFAULTS).addAll(List.of(identity,
        object(DNSConfiguration.class, """
            apiVersion: cluster.router.io/v1alpha1
            kind: DNSConfiguration
            metadata: {name: dns-config}
            spec: {externalDNSControllers: [{name: external-dns-weu, region: weu}, {name: external-dns-neu, region: neu}]}
            """),
        object(Gateway.class, """
            apiVersion: routing.router.io/v1alpha1
            kind: Gateway
            metadata: {name: default-gateway, namespace: istio-system}
            spec: {controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: internal}
            """),
        object(DNSPolicy.class, """
            apiVersion: routing.router.io/v1alpha1
            kind: DNSPolicy
            metadata: {name: default, namespace: myapp}
            spec: {mode: Active}
            """),
        object(ServiceRoute.class, """
            apiVersion: routing.router.io/v1alpha1
            kind: ServiceRoute
            metadata: {name: web, namespace: myapp}
            spec: {serviceName: web, gatewayName: default-gateway, gatewayNamespace: istio-system, environment: prod, application: shop}
            """),
        object(DNSPolicy.class, """
            apiVersion: routing.router.io/v1alpha1
            kind: DNSPolicy
            metadata: {name: default, namespace: hub}
            spec: {mode: RegionBound, sourceRegion: neu}
            """),
        object(ServiceRoute.class, """
            apiVersion: routing.router.io/v1alpha1
            kind: ServiceRoute
            metadata: {name: web, namespace: hub}
            spec: {serviceName: web, gatewayName: default-gateway, gatewayNamespace: istio-system, environment: prod, application: hub}
            """))).build();
  }

  @Test
  void anAdoptedRegionStartsAFailoverCountingOnlyTheEndpointsTheAdoptionAdds() {
    ClusterIdentity identity = identity("[weu]");

    assertThat(FailoverEvents.of(identity, served("neu"), served("neu", "weu"), snapshot(identity), Options.DEFAULTS))
        .as("the hub's weu record exists with or without the adoption")
        .containsExactly(new Transition("Normal", "FailoverStarted", "Adopting region weu: 1 DNSEndpoints added"));
  }

  @Test
  void aReleasedRegionEndsTheFailoverCountingTheEndpointsTheReleaseRemoves() {
    ClusterIdentity identity = identity("[]");

    assertThat(FailoverEvents.of(identity, served("neu", "weu"), served("neu"), snapshot(identity), Options.DEFAULTS))
        .containsExactly(new Transition("Normal", "FailoverEnded", "Releasing region weu: 1 DNSEndpoints removed"));
  }

  @Test
  void unchangedAdoptionAnnouncesNothing() {
    ClusterIdentity identity = identity("[weu]");

    assertThat(FailoverEvents.of(identity, served("neu", "weu"), served("neu", "weu"), snapshot(identity),
        Options.DEFAULTS)).isEmpty();
    assertThat(FailoverEvents.of(identity, null, served("neu"), snapshot(identity), Options.DEFAULTS)).isEmpty();
  }
}
