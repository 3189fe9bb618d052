package io.servicerouter.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.servicerouter.fence.Lease;
import io.servicerouter.model.cluster.AdoptedRegion;
import io.servicerouter.model.cluster.ZoneLeaseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: automatic failover with two real clusters, real ExternalDNS writing through the zone agents into real
 * BIND servers, every DNS expectation checked by querying the zones. Nothing is patched by hand: weu's gateway turns
 * unhealthy and its kube-apiserver stops, neu's operator takes the zones over and hands them back by the rules.
 * Timing targets are measured by the benchmark (docs/benchmarks.md), not asserted here, except the safety bound
 * "never earlier than the lease duration".
 */
class AutomaticFailoverIT {

  private static final int SERVICES = 10;
  private static final String WEU_TARGET = DrillApplication.targetHost("weu");
  private static final String NEU_TARGET = DrillApplication.targetHost("neu");
  /** Per adopted controller: the app namespace's grouped route DNSEndpoint and one address DNSEndpoint. */
  private static final int ADOPTED_DNS_ENDPOINTS = 2 * (1 + 1);
  /** How long each "owner alive" case is watched for a lease change. */
  private static final Duration ALIVE_WATCH = Duration.ofSeconds(60);
  /**
   * The drill polls the fence records every 20 ms through an agent (three DNS queries): the takeover it measures
   * may come out shorter than the real one by about a poll's latency.
   */
  private static final Duration MEASUREMENT_SLACK = Duration.ofMillis(200);

  @Test
  void weuFailsNeuTakesOverByItselfAndHandsBackWhenWeuRecovers() throws Exception {
    try (FailoverDrill drill = FailoverDrill.startAutomatic(SERVICES)) {
      try {
        drill.awaitNormalOperation();
        FailoverDrill.Takeover takeover = drill.failWeuAutomatically();
        assertThat(takeover.takeover()).as("never earlier than the lease duration")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(AutomaticFailover.LEASE_SECONDS).minus(MEASUREMENT_SLACK));
        assertThat(drill.lookup(Zone.NEU).answers(drill.hostnames().get(0), "CNAME")).containsExactly(NEU_TARGET);
        assertThat(drill.neu().automaticallyAdopted()).extracting(AdoptedRegion::getRegion, AdoptedRegion::getSource,
            AdoptedRegion::getEpoch).containsExactly(org.assertj.core.groups.Tuple.tuple("weu", "Automatic", 2L));
        awaitEvents(drill.neu(), "ZoneTakenOver",
            "automatic, epoch 2, held by aks01/neu: took over the zone of external-dns-weu",
            "automatic, epoch 2, held by aks01/neu: took over the zone of external-dns-frc");
        awaitEvents(drill.neu(), "FailoverStarted", "Adopting region weu (automatic failover, epoch 2): "
            + ADOPTED_DNS_ENDPOINTS + " DNSEndpoints added");
        assertThat(drill.neu().clusterIdentityEvents("ZoneSuspect")).hasSize(2);
        await("neu's status.zones").atMost(FailoverDrill.TIMEOUT).untilAsserted(() ->
            assertThat(drill.neu().zoneLeases()).containsExactlyInAnyOrder(
                new ZoneLeaseStatus("external-dns-weu", "aks01/neu", 2L, "Adopted"),
                new ZoneLeaseStatus("external-dns-neu", "aks01/neu", 1L, "Owner"),
                new ZoneLeaseStatus("external-dns-frc", "aks01/neu", 2L, "Adopted")));

        Map<String, List<String>> sequences = drill.recoverWeuAutomatically();
        assertThat(sequences).hasSize(2 * SERVICES)
            .allSatisfy((name, answers) -> assertThat(answers).as(name).containsExactly(NEU_TARGET, WEU_TARGET));
        awaitEvents(drill.neu(), "HandbackCompleted",
            "handed the zone of external-dns-weu back: epoch 3, held by aks01/weu",
            "handed the zone of external-dns-frc back: epoch 3, held by aks01/weu");
        awaitEvents(drill.neu(), "FailoverEnded", "Releasing region weu (automatic failover): "
            + ADOPTED_DNS_ENDPOINTS + " DNSEndpoints removed");
        awaitEvents(drill.weu(), "ZoneReclaimed",
            "this cluster holds its zone again: external-dns-weu, epoch 3, held by aks01/weu",
            "this cluster holds its zone again: external-dns-frc, epoch 3, held by aks01/weu");
        assertThat(drill.neu().automaticallyAdopted()).isEmpty();
        await("weu's status.zones").atMost(FailoverDrill.TIMEOUT).untilAsserted(() ->
            assertThat(drill.weu().zoneLeases()).containsExactlyInAnyOrder(
                new ZoneLeaseStatus("external-dns-weu", "aks01/weu", 3L, "Owner"),
                new ZoneLeaseStatus("external-dns-neu", "aks01/neu", 1L, "Standby"),
                new ZoneLeaseStatus("external-dns-frc", "aks01/weu", 3L, "Owner")));
        assertThat(drill.auditFence()).as("data changes committed out of lease").isZero();
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  /**
   * Acceptance A3, with neu's clock an hour ahead and running 1.5 times fast: no lease changes while weu is alive,
   * 60 s each: (1) neu's probes of weu's gateway fail while weu renews (a partition between the clusters, both
   * reaching DNS); (2) weu's kube-apiserver is down but its gateway healthy (its heartbeat stops: neu is Suspect,
   * fail static); (3) the same with weu's gateway flapping every second. Then weu's API server returns and weu
   * renews again under the same lease.
   */
  @Test
  void neverTakenOverWhileTheOwnerIsAliveWhateverTheStandbysClock() throws Exception {
    long origin = System.nanoTime();
    LongSupplier neuClock = () -> Duration.ofHours(1).toNanos() + (System.nanoTime() - origin) * 3 / 2;
    try (FailoverDrill drill = FailoverDrill.startAutomatic(SERVICES, neuClock)) {
      try {
        drill.awaitNormalOperation();
        drill.awaitHeartbeatsOf("weu");
        drill.timeline().step("weu's gateway unreachable from neu, weu renewing");
        drill.weu().gatewayHealthy(false);
        assertOneLeasePerZone(drill.leasesDuring(ALIVE_WATCH, elapsed -> { }));

        drill.timeline().step("weu's kube-apiserver stopped, its gateway healthy");
        drill.weu().gatewayHealthy(true);
        drill.weu().stopApiServer();
        assertOneLeasePerZone(drill.leasesDuring(ALIVE_WATCH, elapsed -> { }));
        await("neu Suspect in weu's zones").atMost(FailoverDrill.TIMEOUT).untilAsserted(() ->
            assertThat(drill.neu().zoneLeases()).contains(
                new ZoneLeaseStatus("external-dns-weu", "aks01/weu", 1L, "Suspect"),
                new ZoneLeaseStatus("external-dns-frc", "aks01/weu", 1L, "Suspect")));

        drill.timeline().step("weu's gateway flaps every second, its kube-apiserver still stopped");
        assertOneLeasePerZone(drill.leasesDuring(ALIVE_WATCH,
            elapsed -> drill.weu().gatewayHealthy(elapsed.toSeconds() % 2 == 0)));

        drill.timeline().step("weu's kube-apiserver started");
        drill.weu().gatewayHealthy(true);
        drill.weu().startApiServer();
        drill.awaitHeartbeatsOf("weu");
        assertOneLeasePerZone(drill.leasesDuring(Duration.ofSeconds(1), elapsed -> { }));
        assertThat(drill.neu().clusterIdentityEvents("ZoneTakenOver")).isEmpty();
        assertThat(drill.auditFence()).as("data changes committed out of lease").isZero();
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  private static void assertOneLeasePerZone(Map<Zone, Set<Lease>> seen) {
    assertThat(seen).as("leases seen per zone").containsOnlyKeys(Zone.values())
        .allSatisfy((zone, leases) -> assertThat(leases).as(zone.toString()).hasSize(1)
            .allSatisfy(lease -> assertThat(lease.epoch()).isEqualTo(1)));
  }

  private static void awaitEvents(DrillCluster cluster, String reason, String... messages) {
    await(reason + " events").atMost(FailoverDrill.TIMEOUT)
        .untilAsserted(() -> assertThat(cluster.clusterIdentityEvents(reason)).containsExactlyInAnyOrder(messages));
  }
}
