package io.servicerouter.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.servicerouter.model.cluster.ZoneLeaseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: the failover drill of SPEC §8.3 with two real clusters, real ExternalDNS and real DNS answers, every
 * DNS expectation checked by querying the zones (plus NEU's {@code FailoverStarted}/{@code FailoverEnded} Events,
 * SPEC §3.11). The timeline (with the {@code failover: <seconds> s} line) is printed to the test output
 * ({@code failsafe-reports/io.servicerouter.drill.FailoverDrillIT-output.txt}); no timing is asserted. Issue 14:
 * every ExternalDNS instance writes through its zone agent, and BIND's update logs show no data change committed by
 * a cluster that did not hold the zone's lease; restarting WEU too early is fenced instead of flapping.
 */
class FailoverDrillIT {

  private static final int SERVICES = 10;
  private static final String WEU_TARGET = DrillApplication.targetHost("weu");
  private static final String NEU_TARGET = DrillApplication.targetHost("neu");
  /**
   * Per adopted controller (external-dns-weu, external-dns-frc): the app namespace's grouped route DNSEndpoint (the
   * drill runs the default layout, SPEC §4.6) and one address DNSEndpoint.
   */
  private static final int ADOPTED_DNS_ENDPOINTS = 2 * (1 + 1);
  /** How many passes each cluster's instances complete while both write the same zones. */
  private static final int FLAP_PASSES = 2;

  /**
   * Normal operation, failure of WEU, adoption by NEU, hand-back in SPEC §8.2 order without flapping, and a
   * LoadBalancer address change reaching every zone that carries the gateway name.
   */
  @Test
  void weuFailsNeuAdoptsAndHandsBackWithoutFlapping() throws Exception {
    try (FailoverDrill drill = FailoverDrill.start(SERVICES, DrillMode.ACTIVE, Fencing.FENCED)) {
      try {
        normalOperation(drill);
        drill.failWeu();
        Duration failover = drill.adoptWeu();
        assertThat(failover).isPositive();
        assertThat(drill.lookup(Zone.NEU).answers(drill.hostnames().get(0), "CNAME")).containsExactly(NEU_TARGET);
        drill.awaitAddress(Zone.WEU, "neu", FailoverDrill.LOAD_BALANCER_IPS.get("neu"));
        awaitEvent(drill.neu(), "FailoverStarted", "Adopting region weu: %d DNSEndpoints added");
        awaitEvents(drill.neu(), "ZoneLeaseTaken",
            "Took the lease of the zone of external-dns-weu (adopts region weu): epoch 2",
            "Took the lease of the zone of external-dns-frc (adopts region weu): epoch 2");
        await("neu's DNSConfiguration status.zones").atMost(FailoverDrill.TIMEOUT).untilAsserted(() ->
            assertThat(drill.neu().zoneLeases()).containsExactlyInAnyOrder(
                new ZoneLeaseStatus("external-dns-weu", "aks01/neu", 2L, "Adopted"),
                new ZoneLeaseStatus("external-dns-neu", "aks01/neu", 1L, "Owner"),
                new ZoneLeaseStatus("external-dns-frc", "aks01/neu", 2L, "Adopted")));

        Map<String, List<String>> sequences = drill.recoverWeu();
        assertThat(sequences).hasSize(2 * SERVICES)
            .allSatisfy((name, answers) -> assertThat(answers).as(name).containsExactly(NEU_TARGET, WEU_TARGET));
        drill.awaitServedBy(Zone.NEU, "neu");
        drill.lookup(Zone.WEU).await(NEU_TARGET, "A", List.of(), FailoverDrill.TIMEOUT);
        awaitEvent(drill.neu(), "FailoverEnded", "Releasing region weu: %d DNSEndpoints removed");
        awaitEvents(drill.neu(), "ZoneLeaseReleased",
            "Handed the zone of external-dns-weu back to aks01/weu: epoch 3",
            "Handed the zone of external-dns-frc back to aks01/weu: epoch 3");
        await("neu's DNSConfiguration status.zones after the hand-back").atMost(FailoverDrill.TIMEOUT)
            .untilAsserted(() -> assertThat(drill.neu().zoneLeases()).containsExactlyInAnyOrder(
                new ZoneLeaseStatus("external-dns-weu", "aks01/weu", 3L, "Standby"),
                new ZoneLeaseStatus("external-dns-neu", "aks01/neu", 1L, "Owner"),
                new ZoneLeaseStatus("external-dns-frc", "aks01/weu", 3L, "Standby")));

        drill.changeLoadBalancerIp(drill.neu(), "10.2.0.2");
        drill.awaitAddress(Zone.NEU, "neu", "10.2.0.2");
        drill.changeLoadBalancerIp(drill.weu(), "10.1.0.2");
        drill.awaitAddress(Zone.WEU, "weu", "10.1.0.2");
        drill.awaitAddress(Zone.FRC, "weu", "10.1.0.2");
        assertThat(drill.auditFence()).as("data changes committed out of lease").isZero();
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  /**
   * RegionBound with {@code sourceRegion: weu}: every zone points at WEU, and the NEU cluster writes nothing (its
   * policy is inactive, so it has no DNSEndpoints and its ExternalDNS instances have nothing to write).
   */
  @Test
  void regionBoundHubWritesEveryZone() throws Exception {
    try (FailoverDrill drill = FailoverDrill.start(SERVICES, DrillMode.REGION_BOUND_WEU, Fencing.FENCED)) {
      try {
        for (Zone zone : Zone.values()) {
          drill.awaitServedBy(zone, "weu");
          drill.awaitAddress(zone, "weu", FailoverDrill.LOAD_BALANCER_IPS.get("weu"));
          drill.neu().externalDns(zone).awaitCompletePass(FailoverDrill.TIMEOUT);
          assertThat(drill.neu().dnsEndpointsFor(zone)).as("NEU DNSEndpoints for " + zone).isZero();
          assertThat(drill.lookup(zone).answers(NEU_TARGET, "A")).as("NEU gateway in " + zone).isEmpty();
        }
        assertThat(drill.auditFence()).as("data changes committed out of lease").isZero();
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  /**
   * Issue 14, wrong order on purpose: WEU's operator and ExternalDNS start while NEU still holds the WEU and FRC
   * zones. WEU's agents refuse every write (NEU holds the leases), BIND commits nothing from WEU's key, and every
   * sampled name keeps answering NEU's gateway.
   */
  @Test
  void recoveryBeforeReleaseIsFenced() throws Exception {
    try (FailoverDrill drill = FailoverDrill.start(SERVICES, DrillMode.ACTIVE, Fencing.FENCED)) {
      try {
        drill.failWeu();
        drill.adoptWeu();
        Map<String, List<String>> sequences = drill.restartWeuWhileAdopted(FLAP_PASSES);
        assertThat(sequences).hasSize(2 * SERVICES)
            .allSatisfy((name, answers) -> assertThat(answers).as(name).containsExactly(NEU_TARGET));
        assertThat(drill.weu().refusedWrites()).as("weu's writes refused by its agents").isPositive();
        assertThat(drill.auditFence()).as("data changes committed out of lease").isZero();
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  /**
   * The negative control of the fence and of the no-flap check: without the fence, restarting WEU before NEU
   * released it (against SPEC §8.2 rule 4) makes two clusters write the WEU and FRC zones under one owner id, and
   * the sampled answers go back and forth.
   */
  @Test
  void recoveryBeforeReleaseFlapsWithoutTheFence() throws Exception {
    try (FailoverDrill drill = FailoverDrill.start(SERVICES, DrillMode.ACTIVE, Fencing.UNFENCED)) {
      try {
        drill.failWeu();
        drill.adoptWeu();
        Map<String, List<String>> sequences = drill.restartWeuWhileAdopted(FLAP_PASSES);
        assertThat(sequences.values()).as("answer sequences").anySatisfy(answers -> assertThat(answers)
            .startsWith(NEU_TARGET, WEU_TARGET, NEU_TARGET));
      } finally {
        System.out.print(drill.timeline().render());
      }
    }
  }

  /** Waits for exactly one ClusterIdentity Event {@code reason}, its message {@code format} with the count. */
  private static void awaitEvent(DrillCluster cluster, String reason, String format) {
    String message = format.formatted(ADOPTED_DNS_ENDPOINTS);
    await().atMost(FailoverDrill.TIMEOUT)
        .untilAsserted(() -> assertThat(cluster.clusterIdentityEvents(reason)).containsExactly(message));
  }

  /** Waits until the ClusterIdentity Events {@code reason} are exactly {@code messages}, in any order. */
  private static void awaitEvents(DrillCluster cluster, String reason, String... messages) {
    await(reason + " events").atMost(FailoverDrill.TIMEOUT)
        .untilAsserted(() -> assertThat(cluster.clusterIdentityEvents(reason)).containsExactlyInAnyOrder(messages));
  }

  private static void normalOperation(FailoverDrill drill) {
    drill.awaitNormalOperation();
    assertThat(drill.lookup(Zone.WEU).answers(NEU_TARGET, "A")).as("NEU gateway in the WEU zone").isEmpty();
  }
}
