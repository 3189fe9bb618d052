package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.fence.FenceRecords;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.zoneagent.rfc2136.Rfc2136Zone;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import io.servicerouter.zoneagent.rfc2136.ZoneLease.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lease's compare-and-swap against a real BIND: of several clusters (each with its own TSIG key) swapping the
 * same lease value at the same instant, or creating the first lease of an empty zone at once, exactly one wins,
 * so every epoch has exactly one holder (issue 14, "exactly one CAS winner per epoch"); two clusters adopting one
 * region at once both take the zone, one epoch each, the later one holding it.
 */
class ZoneLeaseIT {

  private static final String ZONE = "weu.example.test";
  private static final List<String> CLUSTERS = List.of("weu", "neu", "frc");
  private static final int ROUNDS = 1_000;

  private static BindServer bind;

  @BeforeAll
  static void startDns() {
    bind = BindServer.start("zone-lease", List.of(ZONE), CLUSTERS);
  }

  @AfterAll
  static void stopDns() {
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void threeClientsRacingForOneLeaseAThousandTimesHaveExactlyOneWinnerPerEpoch() throws Exception {
    FenceRecords records = new FenceRecords("race", ZONE);
    assertThat(lease("weu", records).create(Lease.first(holder("weu")))).isEqualTo(Outcome.CHANGED);
    CyclicBarrier read = new CyclicBarrier(CLUSTERS.size());
    CyclicBarrier swapped = new CyclicBarrier(CLUSTERS.size());
    ExecutorService clients = Executors.newFixedThreadPool(CLUSTERS.size());
    try {
      List<Future<List<Long>>> wonEpochs = new ArrayList<>();
      for (String cluster : CLUSTERS) {
        ZoneLease lease = lease(cluster, records);
        wonEpochs.add(clients.submit(() -> {
          List<Long> won = new ArrayList<>();
          for (int round = 0; round < ROUNDS; round++) {
            Lease seen = lease.read().orElseThrow();
            read.await(); // all three saw the same value: the "expired" lease each wants to take
            Lease next = seen.takenBy(holder(cluster));
            if (lease.swap(seen, next) == Outcome.CHANGED) {
              won.add(next.epoch());
            }
            swapped.await();
          }
          return won;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> won : wonEpochs) {
        all.addAll(won.get());
      }
      assertThat(all).hasSize(ROUNDS).doesNotHaveDuplicates();
      assertThat(all).containsExactlyInAnyOrderElementsOf(
          java.util.stream.LongStream.rangeClosed(2, ROUNDS + 1).boxed().toList());
      assertThat(lease("neu", records).read().orElseThrow().epoch()).isEqualTo(ROUNDS + 1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void clustersCreatingTheFirstLeaseAtOnceHaveOneWinner() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLUSTERS.size());
    try {
      for (int zoneIndex = 0; zoneIndex < 50; zoneIndex++) {
        FenceRecords records = new FenceRecords("bootstrap-" + zoneIndex, ZONE);
        CyclicBarrier start = new CyclicBarrier(CLUSTERS.size());
        Map<String, Future<Outcome>> outcomes = new java.util.LinkedHashMap<>();
        for (String cluster : CLUSTERS) {
          ZoneLease lease = lease(cluster, records);
          outcomes.put(cluster, clients.submit(() -> {
            start.await();
            return lease.create(Lease.first(holder(cluster)));
          }));
        }
        List<String> winners = new ArrayList<>();
        for (Map.Entry<String, Future<Outcome>> outcome : outcomes.entrySet()) {
          if (outcome.getValue().get() == Outcome.CHANGED) {
            winners.add(outcome.getKey());
          }
        }
        assertThat(winners).as("creators of %s", records.lease()).hasSize(1);
        assertThat(lease("weu", records).read()).contains(Lease.first(holder(winners.get(0))));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void twoClustersBreakingGlassForOneZoneAtOnceGetOneEpochEach() throws Exception {
    FenceRecords records = new FenceRecords("adopted-twice", ZONE);
    assertThat(lease("weu", records).create(Lease.first(holder("weu")))).isEqualTo(Outcome.CHANGED);
    List<String> adopters = List.of("neu", "frc");
    ExecutorService clients = Executors.newFixedThreadPool(adopters.size());
    try {
      for (int round = 0; round < 100; round++) {
        // The home holds the zone again before each round (round 0: the lease it created).
        long before = new LeaseControl(lease("weu", records), holder("weu"), holder("weu")).take().epoch();
        CyclicBarrier start = new CyclicBarrier(adopters.size());
        List<Future<Lease>> taken = new ArrayList<>();
        for (String adopter : adopters) {
          LeaseControl control = new LeaseControl(lease(adopter, records), holder(adopter), holder("weu"));
          taken.add(clients.submit(() -> {
            start.await();
            return control.take();
          }));
        }
        List<Lease> leases = new ArrayList<>();
        for (Future<Lease> lease : taken) {
          leases.add(lease.get());
        }
        assertThat(leases).extracting(Lease::epoch).as("round %d", round)
            .containsExactlyInAnyOrder(before + 1, before + 2);
        Lease last = leases.stream().max(java.util.Comparator.comparingLong(Lease::epoch)).orElseThrow();
        assertThat(lease("weu", records).read()).contains(last);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static ZoneLease lease(String cluster, FenceRecords records) {
    return new ZoneLease(new Rfc2136Zone("127.0.0.1", bind.port(), ZONE, bind.tsigKey(cluster).tsig(),
        Duration.ofSeconds(5)), records, holder("weu"));
  }

  private static Holder holder(String cluster) {
    return new Holder("aks01", cluster);
  }
}
