package io.servicerouter.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.servicerouter.fence.Lease;
import io.servicerouter.model.cluster.AdoptedRegion;
import io.servicerouter.model.cluster.ZoneLeaseStatus;
import io.servicerouter.zoneagent.Refusal;
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
        assertThat(drill.leaseCreations()).as("both clusters started at once on empty zones: one creation each,"
            + " by the zone's home").isEqualTo(Map.of(Zone.WEU, List.of("aks01/weu"), Zone.NEU, List.of("aks01/neu"),
                Zone.FRC, List.of("aks01/weu")));
        FailoverDrill.Takeover takeover = drill.failWeuAutomatically();
        assertThat(takeover.takeover()).as("never earlier than the lease duration")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(AutomaticFailover.LEASE_SECONDS).minus(MEASUREMENT_SLACK));
        assertThat(drill.lookup(Zone.NEU).answers(drill.hostnames().get(0), "CNAME")).containsExactly(NEU_TARGET);
        await("weu's sync instance trying to undo neu's records, refused by its own agent after the renew deadline")
            .atMost(FailoverDrill.TIMEOUT).until(() -> drill.weu().refused(Zone.WEU, Refusal.RENEW_DEADLINE) > 0);
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
            "automatic failover ended: handed the zone of external-dns-weu back: epoch 3, held by aks01/weu",
            "automatic failover ended: handed the zone of external-dns-frc back: epoch 3, held by aks01/weu");
        awaitEvents(drill.neu(), "FailoverEnded", "Releasing region weu: " + ADOPTED_DNS_ENDPOINTS
            + " DNSEndpoints removed");
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
    try (FailoverDrill drill = FailoverDrill.startAutomatic(SERVICES, neuClock, false)) {
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
        drill.weu().gatewayFlapping(Duration.ofSeconds(1));
        assertOneLeasePerZone(drill.leasesDuring(ALIVE_WATCH, elapsed -> { }));

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

  /**
   * Fencing notes case 4 with a TCP relay in front of every DNS server for each cluster: weu loses DNS while its
   * gateway stays healthy, so no takeover (its heartbeat stops, but it is alive; its ExternalDNS cannot even list
   * its zones); then its gateway fails too and neu takes over; when
   * its DNS returns weu is deposed (its writes refused: another cluster holds the lease) and gets the zones back
   * only by the hand-back rules. ExternalDNS only ever sees soft errors and keeps running (A5).
   */
  @Test
  void anOwnerThatLosesDnsIsRefusedAfterTheDeadlineAndComesBackDeposed() throws Exception {
    try (FailoverDrill drill = FailoverDrill.startAutomatic(SERVICES)) {
      try {
        drill.awaitNormalOperation();
        drill.awaitHeartbeatsOf("weu");
        drill.timeline().step("weu loses DNS, its gateway healthy");
        drill.weu().dnsReachable(false);
        assertOneLeasePerZone(drill.leasesDuring(Duration.ofSeconds(20), elapsed -> { }));
        drill.changeLoadBalancerIp(drill.weu(), "10.1.0.9"); // weu's ExternalDNS cannot even list its zone now

        drill.timeline().step("weu's gateway fails too");
        drill.weu().gatewayHealthy(false);
        drill.timeline().dns("neu took the weu and frc zone leases over", drill.neu().awaitLeaseHolder(
            List.of(Zone.WEU, Zone.FRC), DrillCluster.holder("neu"), FailoverDrill.TIMEOUT));
        drill.awaitServedBy(Zone.WEU, "neu");
        drill.awaitServedBy(Zone.FRC, "neu");

        drill.timeline().step("weu's DNS and gateway restored");
        drill.weu().dnsReachable(true);
        drill.weu().gatewayHealthy(true);
        double refusedBefore = drill.weu().refusedWrites();
        await("weu's writes refused: deposed").atMost(FailoverDrill.TIMEOUT)
            .until(() -> drill.weu().refusedWrites() > refusedBefore);
        drill.timeline().dns("neu handed the weu and frc zone leases back to weu", drill.neu().awaitLeaseHolder(
            List.of(Zone.WEU, Zone.FRC), DrillCluster.holder("weu"), FailoverDrill.TIMEOUT));
        drill.awaitServedBy(Zone.WEU, "weu");
        drill.awaitServedBy(Zone.FRC, "weu");
        drill.awaitAddress(Zone.WEU, "weu", "10.1.0.9");
        for (Zone zone : Zone.values()) {
          assertThat(drill.weu().externalDns(zone).isRunning()).as("weu's ExternalDNS for %s", zone).isTrue();
          assertThat(drill.neu().externalDns(zone).isRunning()).as("neu's ExternalDNS for %s", zone).isTrue();
        }
        assertThat(drill.auditFence()).as("data changes committed out of lease").isZero();
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  /**
   * Acceptance A6 with {@code handback: {mode: Manual}}: the recovered weu waits for approval
   * ({@code AwaitingApproval}), neu keeps the zones past the stable and minimum adoption times; an approval of
   * another epoch changes nothing; the approval of the adoption's epoch hands the zones back.
   */
  @Test
  void aManualHandBackWaitsForTheApprovalOfThatEpoch() throws Exception {
    try (FailoverDrill drill = FailoverDrill.startAutomatic(SERVICES, System::nanoTime, true)) {
      try {
        drill.awaitNormalOperation();
        drill.failWeuAutomatically();
        drill.restoreWeu();
        await("weu awaiting approval").atMost(FailoverDrill.TIMEOUT).untilAsserted(() ->
            assertThat(drill.weu().zoneLeases()).contains(
                new ZoneLeaseStatus("external-dns-weu", "aks01/neu", 2L, "AwaitingApproval"),
                new ZoneLeaseStatus("external-dns-frc", "aks01/neu", 2L, "AwaitingApproval")));
        drill.timeline().step("weu approves the reclaim of epoch 1 (not the adoption's)");
        drill.weu().approveReclaim(1);
        // past the hand-back's stable time (5 s) and minimum adoption (10 s) after the takeover
        Map<Zone, Set<Lease>> seen = drill.leasesDuring(Duration.ofSeconds(15), elapsed -> { });
        assertThat(seen.get(Zone.WEU)).extracting(Lease::epoch).containsExactly(2L);
        assertThat(seen.get(Zone.FRC)).extracting(Lease::epoch).containsExactly(2L);

        drill.timeline().step("weu approves the reclaim of epoch 2");
        drill.weu().approveReclaim(2);
        drill.timeline().dns("neu handed the weu and frc zone leases back to weu", drill.neu().awaitLeaseHolder(
            List.of(Zone.WEU, Zone.FRC), DrillCluster.holder("weu"), FailoverDrill.TIMEOUT));
        drill.awaitServedBy(Zone.WEU, "weu");
        drill.awaitServedBy(Zone.FRC, "weu");
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
