package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicerouter.fence.Claim;
import io.servicerouter.fence.FenceRecords;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseOp;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.DnsLookup;
import io.servicerouter.zoneagent.rfc2136.Rfc2136Zone;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import io.servicerouter.zoneagent.rfc2136.ZoneLease.Outcome;
import io.servicerouter.zoneagent.webhook.Changes;
import io.servicerouter.zoneagent.webhook.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat, takeover and claim of automatic failover (issue 15, fencing.md §2.2 and §2.5) against a real BIND,
 * each cluster with its own TSIG key: renewals change the heartbeat only; a takeover succeeds only against the lease
 * and heartbeat it observed, once per round of three racing standbys; a deposed holder's renewal conflicts; the
 * hand-back deletes the home's claim; and a holder whose renewals stopped is refused data writes after the renew
 * deadline. The agents are driven through their management API, as the operator drives them.
 */
class HeartbeatIT {

  private static final String ZONE = "weu.example.test";
  private static final List<String> CLUSTERS = List.of("weu", "neu", "frc");
  private static final Holder WEU = holder("weu");
  private static final Holder NEU = holder("neu");
  private static final int ROUNDS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static BindServer bind;
  private static DnsLookup dns;

  /** An HTTP answer of an agent. */
  private record Answer(int status, String body) {
    FenceState state() {
      return FenceState.fromJson(body);
    }
  }

  @BeforeAll
  static void startDns() {
    bind = BindServer.start("heartbeat", List.of(ZONE), CLUSTERS);
    dns = bind.lookup();
  }

  @AfterAll
  static void stopDns() {
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void renewalsByTheHolderChangeTheHeartbeatOnly() throws Exception {
    FenceRecords records = new FenceRecords("renew", ZONE);
    ZoneLease weu = lease("weu", records);
    Lease lease = Lease.first(WEU);
    assertThat(weu.create(lease)).isEqualTo(Outcome.CHANGED);
    assertThat(weu.state()).isEqualTo(state(lease, Heartbeat.first(lease), null));

    Heartbeat heartbeat = Heartbeat.first(lease);
    for (int renewal = 1; renewal <= 5; renewal++) {
      List<String> before = withoutName(bind.zoneContents(ZONE), records.heartbeat());
      assertThat(weu.renew(lease, Optional.of(heartbeat), heartbeat.next())).isEqualTo(Outcome.CHANGED);
      heartbeat = heartbeat.next();
      assertThat(withoutName(bind.zoneContents(ZONE), records.heartbeat())).as("renewal %d", renewal)
          .isEqualTo(before);
      assertThat(weu.state()).isEqualTo(state(lease, heartbeat, null));
    }
    assertThat(heartbeat.seq()).isEqualTo(5);

    // A renewal against a heartbeat that is not the current one (stale, or "absent") changes nothing.
    assertThat(weu.renew(lease, Optional.of(new Heartbeat(WEU, 1, 3)), heartbeat.next()))
        .isEqualTo(Outcome.CONFLICT);
    assertThat(weu.renew(lease, Optional.empty(), heartbeat.next())).isEqualTo(Outcome.CONFLICT);
    assertThat(weu.state()).isEqualTo(state(lease, heartbeat, null));
  }

  @Test
  void aDeposedHolderCannotRenewAfterATakeover() throws Exception {
    FenceRecords records = new FenceRecords("deposed", ZONE);
    ZoneLease weu = lease("weu", records);
    Lease lease = Lease.first(WEU);
    weu.create(lease);
    FenceState observed = lease("neu", records).state();

    Lease taken = lease.takenBy(NEU);
    assertThat(lease("neu", records).takeOver(lease, observed.heartbeat(), taken)).isEqualTo(Outcome.CHANGED);
    assertThat(weu.renew(lease, observed.heartbeat(), observed.heartbeat().orElseThrow().next()))
        .isEqualTo(Outcome.CONFLICT);
    assertThat(weu.state()).isEqualTo(state(taken, Heartbeat.first(taken), null));
  }

  @Test
  void threeStandbysTakingOverTheSameObservedLeaseHaveExactlyOneWinnerPerRound() throws Exception {
    FenceRecords records = new FenceRecords("takeover-race", ZONE);
    lease("weu", records).create(Lease.first(WEU));
    CyclicBarrier observed = new CyclicBarrier(CLUSTERS.size());
    CyclicBarrier done = new CyclicBarrier(CLUSTERS.size());
    ExecutorService standbys = Executors.newFixedThreadPool(CLUSTERS.size());
    try {
      List<Future<List<Long>>> wonEpochs = new ArrayList<>();
      for (String cluster : CLUSTERS) {
        ZoneLease lease = lease(cluster, records);
        wonEpochs.add(standbys.submit(() -> {
          List<Long> won = new ArrayList<>();
          for (int round = 0; round < ROUNDS; round++) {
            FenceState seen = lease.state();
            observed.await(); // all three watched the same lease and heartbeat stand still
            Lease next = seen.lease().orElseThrow().takenBy(holder(cluster));
            if (lease.takeOver(seen.lease().get(), seen.heartbeat(), next) == Outcome.CHANGED) {
              won.add(next.epoch());
            }
            done.await();
          }
          return won;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> won : wonEpochs) {
        all.addAll(won.get());
      }
      assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, ROUNDS + 1).boxed().toList());
      FenceState last = lease("weu", records).state();
      assertThat(last.lease()).map(Lease::epoch).contains((long) ROUNDS + 1);
      assertThat(last.heartbeat()).isEqualTo(last.lease().map(Heartbeat::first));
    } finally {
      standbys.shutdownNow();
    }
  }

  @Test
  void aTakeoverAgainstAHeartbeatTheHolderRenewedSinceConflicts() throws Exception {
    FenceRecords records = new FenceRecords("stale-heartbeat", ZONE);
    ZoneLease weu = lease("weu", records);
    ZoneLease neu = lease("neu", records);
    Lease lease = Lease.first(WEU);
    weu.create(lease);
    FenceState observed = neu.state();
    Heartbeat renewed = observed.heartbeat().orElseThrow().next();
    assertThat(weu.renew(lease, observed.heartbeat(), renewed)).isEqualTo(Outcome.CHANGED);

    assertThat(neu.takeOver(lease, observed.heartbeat(), lease.takenBy(NEU))).isEqualTo(Outcome.CONFLICT);
    assertThat(neu.takeOver(lease, Optional.empty(), lease.takenBy(NEU))).as("heartbeat expected absent")
        .isEqualTo(Outcome.CONFLICT);
    assertThat(neu.state()).isEqualTo(state(lease, renewed, null));
    assertThat(neu.takeOver(lease, Optional.of(renewed), lease.takenBy(NEU))).isEqualTo(Outcome.CHANGED);
  }

  @Test
  void theHomeClaimsItsZoneAndTheHandBackDeletesTheClaim() throws Exception {
    FenceRecords records = new FenceRecords("hand-back", ZONE);
    FailoverControl weu = failover("weu", records);
    FailoverControl neu = failover("neu", records);
    assertThat(weu.renew(Duration.ofSeconds(10)).changed()).as("the home's first renewal creates the lease")
        .isTrue();
    Lease taken = new LeaseControl(lease("neu", records), NEU, WEU).take();
    assertThat(taken).isEqualTo(new Lease(NEU, 2));

    assertThat(weu.claim(2)).isEqualTo(new LeaseOp(true, state(taken, Heartbeat.first(taken), new Claim(WEU, 2, 0))));
    assertThat(weu.claim(2).state().claim()).contains(new Claim(WEU, 2, 1));
    assertThat(neu.claim(2)).as("only the home claims").isEqualTo(new LeaseOp(false,
        state(taken, Heartbeat.first(taken), new Claim(WEU, 2, 1))));
    assertThat(lease("weu", records).claim(Optional.of(new Claim(WEU, 2, 0)), new Claim(WEU, 2, 2)))
        .as("a claim against a stale one").isEqualTo(Outcome.CONFLICT);

    Lease home = new LeaseControl(lease("neu", records), NEU, WEU).release().orElseThrow();
    assertThat(home).isEqualTo(new Lease(WEU, 3));
    assertThat(lease("weu", records).state()).isEqualTo(state(home, Heartbeat.first(home), null));
  }

  @Test
  void theManagementApiRenewsTakesOverAndClaimsAndAnswersConflictsWith409() throws Exception {
    try (ZoneAgent weu = agent("weu", "api", System::nanoTime);
        ZoneAgent neu = agent("neu", "api", System::nanoTime)) {
      assertThat(get(weu)).isEqualTo(new Answer(200, "{}"));
      assertThat(post(neu, "/lease/renew?deadlineSeconds=5")).as("not the home: no lease to renew")
          .isEqualTo(new Answer(409, "{}"));

      Lease first = Lease.first(WEU);
      assertThat(post(weu, "/lease/renew?deadlineSeconds=5").state()).isEqualTo(state(first, hb(first, 0), null));
      Answer renewed = post(weu, "/lease/renew?deadlineSeconds=5.5");
      assertThat(renewed).isEqualTo(new Answer(200, state(first, hb(first, 1), null).toJson()));
      assertThat(renewed.body()).isEqualTo("{\"holder\":\"aks01/weu\",\"epoch\":1,"
          + "\"heartbeat\":\"v=1 holder=aks01/weu epoch=1 seq=1\"}");

      Answer stale = post(neu, "/lease/takeover?epoch=1&seq=0");
      assertThat(stale.status()).as("the holder renewed since seq 0").isEqualTo(409);
      assertThat(stale.state()).isEqualTo(state(first, hb(first, 1), null));
      Lease taken = first.takenBy(NEU);
      assertThat(post(neu, "/lease/takeover?epoch=1&seq=1"))
          .isEqualTo(new Answer(200, state(taken, hb(taken, 0), null).toJson()));
      assertThat(post(neu, "/lease/takeover?epoch=1&seq=1").status()).as("epoch 1 is over").isEqualTo(409);

      Answer deposed = post(weu, "/lease/renew?deadlineSeconds=5");
      assertThat(deposed.status()).isEqualTo(409);
      assertThat(deposed.state().lease()).contains(taken);

      FenceState claimed = state(taken, hb(taken, 0), new Claim(WEU, 2, 0));
      assertThat(post(weu, "/lease/claim?seen=2")).isEqualTo(new Answer(200, claimed.toJson()));
      assertThat(post(neu, "/lease/claim?seen=2")).isEqualTo(new Answer(409, claimed.toJson()));
      assertThat(get(neu)).isEqualTo(new Answer(200, claimed.toJson()));
      assertThat(post(neu, "/lease/renew?deadlineSeconds=5").state().heartbeat()).contains(hb(taken, 1));

      Lease home = taken.takenBy(WEU);
      assertThat(post(neu, "/lease/release")).isEqualTo(new Answer(200, state(home, hb(home, 0), null).toJson()));
      assertThat(post(weu, "/lease/take").state().lease()).as("a no-op for the holder").contains(home);

      assertThat(post(neu, "/lease/takeover").status()).isEqualTo(400);
      assertThat(post(neu, "/lease/takeover?epoch=x").status()).isEqualTo(400);
      assertThat(post(weu, "/lease/renew").status()).isEqualTo(400);
      assertThat(post(weu, "/lease/renew?deadlineSeconds=-1").status()).isEqualTo(400);
      assertThat(post(weu, "/lease/claim?seen=1&seen=2").status()).isEqualTo(400);
      assertThat(post(weu, "/lease/elsewhere").status()).isEqualTo(404);
      assertThat(get(weu).state().lease()).as("nothing changed by bad requests").contains(home);
    }
  }

  @Test
  void theHolderIsRefusedWritesOnceItsLastRenewalStartedMoreThanTheDeadlineAgo() throws Exception {
    AtomicLong clock = new AtomicLong();
    try (ZoneAgent weu = agent("weu", "deadline", clock::get)) {
      assertThat(write(weu, "before-renewal")).as("Manual mode: no deadline before a renewal").isEqualTo(204);
      clock.addAndGet(Duration.ofHours(1).toNanos());
      assertThat(write(weu, "an-hour-later")).isEqualTo(204);

      assertThat(post(weu, "/lease/renew?deadlineSeconds=1").status()).isEqualTo(200);
      clock.addAndGet(Duration.ofMillis(900).toNanos());
      assertThat(write(weu, "in-time")).isEqualTo(204);
      clock.addAndGet(Duration.ofMillis(200).toNanos());
      assertThat(write(weu, "late")).isEqualTo(503);
      assertThat(weu.metrics().rejected(Refusal.RENEW_DEADLINE)).isEqualTo(1);
      assertThat(dns.answers("late." + ZONE, "CNAME")).isEmpty();

      assertThat(post(weu, "/lease/renew?deadlineSeconds=1").status()).isEqualTo(200);
      assertThat(write(weu, "renewed")).isEqualTo(204);
      assertThat(dns.answers("renewed." + ZONE, "CNAME")).containsExactly("renewed.example.org");
    }
  }

  @Test
  void onTheSystemClockTheDeadlineRunsOutInRealTime() throws Exception {
    try (ZoneAgent weu = agent("weu", "deadline-real-time", System::nanoTime)) {
      assertThat(post(weu, "/lease/renew?deadlineSeconds=1").status()).isEqualTo(200);
      assertThat(write(weu, "real-in-time")).isEqualTo(204);
      Thread.sleep(1_200);
      assertThat(write(weu, "real-late")).isEqualTo(503);
      assertThat(weu.metrics().rejected(Refusal.RENEW_DEADLINE)).isEqualTo(1);
      assertThat(weu.metrics().scrape()).contains("servicerouter_fence_rejected_total{reason=\"renew_deadline\"} 1.0");
    }
  }

  /** Writes {@code <name>.<zone> CNAME <name>.example.org} through the agent's webhook; the HTTP status. */
  private static int write(ZoneAgent agent, String name) throws Exception {
    Changes changes = new Changes(List.of(Endpoint.of(name + "." + ZONE, "CNAME", 5, List.of(name + ".example.org"))),
        null, null, null);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.webhookPort() + "/records"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(changes))).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static Answer get(ZoneAgent agent) throws Exception {
    return send(HttpRequest.newBuilder(management(agent, "/lease")).GET());
  }

  private static Answer post(ZoneAgent agent, String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(management(agent, pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private static URI management(ZoneAgent agent, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + agent.managementPort() + pathAndQuery);
  }

  private static ZoneAgent agent(String cluster, String controller, LongSupplier nanos) throws IOException {
    return ZoneAgent.start(new ZoneAgent.Settings("127.0.0.1", bind.port(), ZONE, controller, holder(cluster), WEU,
        bind.tsigKey(cluster).tsig(), 0), new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0),
        () -> { }, nanos);
  }

  private static FailoverControl failover(String cluster, FenceRecords records) {
    return new FailoverControl(lease(cluster, records), holder(cluster), WEU, new RenewDeadline(System::nanoTime));
  }

  private static ZoneLease lease(String cluster, FenceRecords records) {
    return new ZoneLease(new Rfc2136Zone("127.0.0.1", bind.port(), ZONE, bind.tsigKey(cluster).tsig(),
        Duration.ofSeconds(5)), records, WEU);
  }

  private static FenceState state(Lease lease, Heartbeat heartbeat, Claim claim) {
    return new FenceState(Optional.of(lease), Optional.of(heartbeat), Optional.ofNullable(claim));
  }

  private static Heartbeat hb(Lease lease, long seq) {
    return new Heartbeat(lease.holder(), lease.epoch(), seq);
  }

  private static List<String> withoutName(List<String> zone, String name) {
    return zone.stream().filter(line -> !line.startsWith(name + ".")).toList();
  }

  private static Holder holder(String cluster) {
    return new Holder("aks01", cluster);
  }
}
