package io.servicerouter.operator.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.cluster.ConvergenceRecord;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.Fixtures;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.operator.convergence.ConfigConvergence.Source;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Snapshot;
import io.servicerouter.planner.SnapshotWithConfiguration;
import io.servicerouter.planner.SpecProblems;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class ConfigConvergenceTest {

  private final InMemoryCaches stores = new InMemoryCaches(Options.DEFAULTS);
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, ConvergenceRecord> stored = new LinkedHashMap<>();
  private final ConfigConvergence convergence = new ConfigConvergence(stores.caches(),
      () -> new CacheSnapshot(stores.caches(), SpecProblems.NONE), Options.DEFAULTS, clock, () -> true,
      (object, record) -> stored.put(object.getMetadata().getName(), record), registry);
  private final ClusterIdentity before = identity("");
  private final ClusterIdentity after = identity(", adoptsRegions: [weu]");
  private final ServiceRoute web = route("myapp", "web");
  private final ServiceRoute api = route("other", "api");

  ConfigConvergenceTest() {
    after.getMetadata().setUid(before.getMetadata().getUid());
    after.getMetadata().setResourceVersion("20");
    after.getMetadata().setGeneration(2L);
    stores.put(after, Fixtures.object(DNSConfiguration.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata: {name: dns-config}
        spec:
          externalDNSControllers:
          - {name: external-dns-weu, region: weu}
          - {name: external-dns-neu, region: neu}
        """), Fixtures.object(Gateway.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: default-gateway, namespace: istio-system}
        spec: {controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: internal}
        """), Fixtures.object(DNSPolicy.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: myapp}
        spec: {mode: Active}
        """), web, api);
  }

  private static ClusterIdentity identity(String more) {
    return Fixtures.object(ClusterIdentity.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: neu, cluster: aks01, domain: example.com, environmentLetter: p%s}
        """.formatted(more));
  }

  private static ServiceRoute route(String namespace, String name) {
    return Fixtures.object(ServiceRoute.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: %s, namespace: %s}
        spec: {serviceName: %s, gatewayName: default-gateway, environment: prod, application: shop}
        """.formatted(name, namespace, name));
  }

  private void observeAdoption() {
    Snapshot now = new CacheSnapshot(stores.caches(), SpecProblems.NONE);
    Snapshot previous = new SnapshotWithConfiguration(now, List.of(before), now.dnsConfigurations());
    convergence.observed(Source.CLUSTERIDENTITY, after.getMetadata().getUid(), 20L, previous, now, true);
  }

  private ConfigVersions seeing(long revision) {
    return new ConfigVersions(Map.of(after.getMetadata().getUid(), revision));
  }

  @Test
  void anAdoptionWaitsForTheRoutesWhoseOutputsChangeAndRecordsTheDuration() {
    observeAdoption();
    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isTrue();
    assertThat(stored).containsEntry("cluster-identity", ConvergenceRecord.of(2, "2026-12-05T10:00:00Z", null));

    clock.advance(Duration.ofMillis(2500));
    convergence.routeReconciled(ObjectKey.of(web), seeing(20));

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY))
        .as("the route without a DNSPolicy (Pending before and after) is not affected").isFalse();
    assertThat(convergence.lastSeconds(Source.CLUSTERIDENTITY)).hasValue(2.5);
    assertThat(registry.scrape())
        .contains("servicerouter_config_convergence_seconds{source=\"clusteridentity\"} 2.5")
        .contains("servicerouter_config_convergence_in_progress{source=\"clusteridentity\"} 0.0");
    assertThat(stored).containsEntry("cluster-identity",
        ConvergenceRecord.of(2, "2026-12-05T10:00:00Z", "2026-12-05T10:00:02.500Z"));
  }

  @Test
  void aNewLeaderResumesAStoredOpenConvergenceFromItsStartAndWaitsForEveryRoute() {
    storeRecord(ConvergenceRecord.of(2, "2026-12-05T09:59:50Z", null));

    convergence.leading();

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isTrue();
    convergence.routeReconciled(ObjectKey.of(web), seeing(20));
    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).as("api has not been reconciled yet").isTrue();
    convergence.routeReconciled(ObjectKey.of(api), seeing(19));
    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).as("api saw an older configuration").isTrue();

    clock.advance(Duration.ofSeconds(5));
    convergence.routeReconciled(ObjectKey.of(api), seeing(20));

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isFalse();
    assertThat(convergence.lastSeconds(Source.CLUSTERIDENTITY)).hasValue(15.0);
    assertThat(stored).containsEntry("cluster-identity",
        ConvergenceRecord.of(2, "2026-12-05T09:59:50Z", "2026-12-05T10:00:05Z"));
  }

  @Test
  void aNewLeaderReopensWhenTheStoredRecordIsOfAnOlderGeneration() {
    storeRecord(ConvergenceRecord.of(1, "2026-12-05T09:00:00Z", "2026-12-05T09:00:03Z"));

    convergence.leading();

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isTrue();
    assertThat(stored).containsEntry("cluster-identity", ConvergenceRecord.of(2, "2026-12-05T10:00:00Z", null));
  }

  @Test
  void aNewLeaderReportsACompletedStoredConvergenceAsDone() {
    storeRecord(ConvergenceRecord.of(2, "2026-12-05T09:00:00Z", "2026-12-05T09:00:03Z"));

    convergence.leading();

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isFalse();
    assertThat(convergence.lastSeconds(Source.CLUSTERIDENTITY)).hasValue(3.0);
    assertThat(stored).doesNotContainKey("cluster-identity");
  }

  @Test
  void aNewLeaderCountsReconcilesThatSawTheCurrentConfigurationBeforeItLed() {
    storeRecord(ConvergenceRecord.of(2, "2026-12-05T09:59:59Z", null));
    convergence.routeReconciled(ObjectKey.of(web), seeing(20));
    convergence.routeReconciled(ObjectKey.of(api), seeing(20));

    convergence.leading();

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isFalse();
    assertThat(convergence.lastSeconds(Source.CLUSTERIDENTITY)).hasValue(1.0);
  }

  private void storeRecord(ConvergenceRecord record) {
    ClusterIdentityStatus status = new ClusterIdentityStatus();
    status.setConvergence(record);
    after.setStatus(status);
  }

  @Test
  void aReconcileThatDidNotSeeTheChangeDoesNotCount() {
    observeAdoption();

    convergence.routeReconciled(ObjectKey.of(web), seeing(19));

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isTrue();
    assertThat(registry.scrape()).contains("servicerouter_config_convergence_in_progress{source=\"clusteridentity\"} 1.0");
  }

  @Test
  void aReconcileThatSawTheChangeBeforeTheObservationCounts() {
    convergence.routeReconciled(ObjectKey.of(web), seeing(20));

    observeAdoption();

    assertThat(convergence.inProgress(Source.CLUSTERIDENTITY)).isFalse();
    assertThat(convergence.lastSeconds(Source.CLUSTERIDENTITY)).hasValue(0.0);
  }

  @Test
  void aChangeOfNoRouteOutputOfANonAuthoritativeObjectOpensNothing() {
    Snapshot now = new CacheSnapshot(stores.caches(), SpecProblems.NONE);

    convergence.observed(Source.DNSCONFIGURATION, "uid", 5L, now, now, false);

    assertThat(convergence.inProgress(Source.DNSCONFIGURATION)).isFalse();
    assertThat(convergence.lastSeconds(Source.DNSCONFIGURATION)).isEmpty();
  }
}
