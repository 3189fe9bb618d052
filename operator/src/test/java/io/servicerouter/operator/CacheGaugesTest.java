package io.servicerouter.operator;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.SpecProblems;
import org.junit.jupiter.api.Test;

class CacheGaugesTest {

  private final InMemoryCaches stores = new InMemoryCaches(Options.DEFAULTS);
  private final OperatorMetrics metrics = new OperatorMetrics("test");

  CacheGaugesTest() {
    metrics.beforeScrape(new CacheGauges(new OperatorContext(stores.caches(), SpecProblems.NONE, Options.DEFAULTS,
        null, null, null, metrics, null), metrics.registry()));
  }

  private static ServiceRoute route(String name, String phase) {
    return object(ServiceRoute.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: %s, namespace: myapp}
        spec: {serviceName: %s, gatewayName: gw, environment: prod, application: shop}
        status: {phase: %s}
        """.formatted(name, name, phase));
  }

  @Test
  void routesAreCountedByPhaseWithAllThreePhasesExported() {
    stores.put(route("a", "Active"), route("b", "Active"), route("c", "Pending"));

    assertThat(metrics.scrape())
        .contains("servicerouter_serviceroutes{phase=\"Active\"} 2.0")
        .contains("servicerouter_serviceroutes{phase=\"Pending\"} 1.0")
        .contains("servicerouter_serviceroutes{phase=\"Failed\"} 0.0");
  }

  @Test
  void activePoliciesAndOwnedEndpointsAreCounted() {
    stores.put(object(DNSPolicy.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: myapp}
        spec: {mode: Active}
        status: {phase: Active}
        """));
    stores.put(object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata:
          name: web-external-dns-weu
          namespace: myapp
          labels: {router.io/controller: external-dns-weu}
          ownerReferences: [{apiVersion: routing.router.io/v1alpha1, kind: ServiceRoute, name: web, uid: u1, controller: true}]
        spec: {endpoints: []}
        """), object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata: {name: foreign, namespace: myapp, labels: {router.io/controller: external-dns-weu}}
        spec: {endpoints: []}
        """));

    assertThat(metrics.scrape())
        .contains("servicerouter_active_policies 1.0")
        .contains("servicerouter_managed_dnsendpoints{controller=\"external-dns-weu\",type=\"service\"} 1.0");
  }

  @Test
  void effectiveAdoptedRegionsAreThePlannersAndDisappearWhenAdoptionEnds() {
    ClusterIdentity identity = object(ClusterIdentity.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: neu, cluster: aks01, domain: example.com, environmentLetter: p, adoptsRegions: [weu]}
        """);
    stores.put(identity, object(DNSConfiguration.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata: {name: dns-config}
        spec:
          externalDNSControllers:
          - {name: external-dns-weu, region: weu}
          - {name: external-dns-neu, region: neu}
        """));

    assertThat(metrics.scrape()).contains("servicerouter_adopted_regions{region=\"weu\"} 1.0");

    identity.getSpec().setAdoptsRegions(null);
    assertThat(metrics.scrape()).doesNotContain("servicerouter_adopted_regions{");
  }
}
