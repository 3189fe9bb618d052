package io.servicerouter.drill;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.servicerouter.benchmark.CpuTimes;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Lease;
import io.servicerouter.model.Labels;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.testsupport.DnsLookup;
import io.servicerouter.testsupport.UpdateLog;
import io.servicerouter.zoneagent.Refusal;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * The failover drill of SPEC §8.3, end to end: two clusters, {@code weu/aks01} and {@code neu/aks01} (each a
 * {@link DrillCluster} with its own control plane, in-process operator and one ExternalDNS instance per zone),
 * three regional zones ({@link DnsZones}: WEU, NEU and FRC, the last one without a cluster, fed through the
 * cross-region controller {@code external-dns-frc/weu}), and the same {@link DrillApplication} in both clusters.
 *
 * <p>Zones, domains and owner ids: every zone is a BIND server for {@code example.test}, the domain of both
 * ClusterIdentities; every ExternalDNS instance of zone Z (one per cluster) runs the arguments the Helm chart
 * renders for Z in its cluster ({@link DrillCluster}): Z's controller name as label filter and TXT owner id, the
 * chart's TXT prefix, domain filter {@code example.test}, {@code --interval=1s} (without {@code --events}); Z's
 * home instance runs {@code sync}, the other cluster's {@code upsert-only} ({@link DrillMode}), as the chart
 * decides from the clusters' and zones' regions. Which zone a record reaches is decided only by the
 * DNSEndpoint's controller, as in production.
 *
 * <p>The drill steps record themselves, and when DNS reflected them, in a {@link Timeline}.
 */
public final class FailoverDrill implements AutoCloseable {

  /** The programs whose CPU time the failover step reports, besides this JVM (which hosts both operators). */
  private static final List<String> PROGRAMS =
      List.of("kube-apiserver", "etcd", "kube-controller-manager", "external-dns", "named");
  /** How long DNS may take to reflect a step with up to 100 services. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** Extra time per service above 100: ExternalDNS and BIND take longer for thousands of records. */
  private static final Duration PER_SERVICE = Duration.ofMillis(300);
  /** The LoadBalancer address of the ingress gateway per region at start. */
  public static final Map<String, String> LOAD_BALANCER_IPS = Map.of("weu", "10.1.0.1", "neu", "10.2.0.1");

  private static final List<Zone> ADOPTED_ZONES = List.of(Zone.WEU, Zone.FRC);

  private final DnsZones zones;
  private final DrillCluster weu;
  private final DrillCluster neu;
  private final DrillApplication application;
  private final DrillMode mode;
  private final Fencing fencing;
  private final Timeline timeline = new Timeline();

  private FailoverDrill(DnsZones zones, DrillCluster weu, DrillCluster neu, DrillApplication application,
      DrillMode mode, Fencing fencing) {
    this.zones = zones;
    this.weu = weu;
    this.neu = neu;
    this.application = application;
    this.mode = mode;
    this.fencing = fencing;
  }

  /**
   * Starts the zones and both clusters, applies the application with {@code services} routes in {@code mode} to
   * both, and starts both operators and every ExternalDNS instance (with {@code fencing}). Everything started is
   * stopped if a later start fails.
   */
  public static FailoverDrill start(int services, DrillMode mode, Fencing fencing) throws Exception {
    return start(services, mode, fencing, Optional.empty(), System::nanoTime);
  }

  /**
   * {@link #start(int, DrillMode, Fencing)} fenced and with automatic failover ({@link AutomaticFailover}): each
   * cluster's operator renews its zones' leases, and takes over the other's when it stops renewing and its
   * gateway fails.
   */
  public static FailoverDrill startAutomatic(int services) throws Exception {
    return startAutomatic(services, System::nanoTime, false);
  }

  /**
   * {@link #startAutomatic(int)} with neu's operator timing heartbeats on {@code neuClock} (a skewed clock), and
   * the hand-back waiting for the home's approval when {@code manualHandback}.
   */
  public static FailoverDrill startAutomatic(int services, LongSupplier neuClock, boolean manualHandback)
      throws Exception {
    return start(services, DrillMode.ACTIVE, Fencing.FENCED, Optional.of(manualHandback), neuClock);
  }

  /** @param automatic empty: manual failover; else automatic, with a manual hand-back when true */
  private static FailoverDrill start(int services, DrillMode mode, Fencing fencing, Optional<Boolean> automatic,
      LongSupplier neuClock) throws Exception {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      DnsZones zones = DnsZones.start();
      started.add(zones);
      DrillCluster weu = DrillCluster.start("weu", zones);
      started.add(weu);
      DrillCluster neu = DrillCluster.start("neu", zones);
      started.add(neu);
      FailoverDrill drill = new FailoverDrill(zones, weu, neu, new DrillApplication(services), mode,
          fencing);
      for (DrillCluster cluster : List.of(weu, neu)) {
        drill.application.applyTo(cluster.client(), cluster.region(), mode.policySpec(),
            LOAD_BALANCER_IPS.get(cluster.region()), cluster.zoneAgentUrls(fencing), automatic.map(manual ->
                AutomaticFailover.spec(Map.of("weu", weu.gatewayHealthUrl(), "neu", neu.gatewayHealthUrl()), manual))
                .orElse(""));
        cluster.startOperator(cluster == neu ? neuClock : System::nanoTime);
        cluster.startExternalDns(mode, fencing);
      }
      drill.timeline.step("both clusters running (" + services + " services, " + mode + ", " + fencing
          + (automatic.isPresent() ? ", automatic failover" : "") + ")");
      return drill;
    } catch (Exception | Error e) {
      try {
        closeAll(started);
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The WEU cluster. */
  public DrillCluster weu() {
    return weu;
  }

  /** The NEU cluster. */
  public DrillCluster neu() {
    return neu;
  }

  /** The hostnames of the application's routes. */
  public List<String> hostnames() {
    return application.hostnames();
  }

  /** The timeline so far. */
  public Timeline timeline() {
    return timeline;
  }

  /** A resolver for {@code zone}. */
  public DnsLookup lookup(Zone zone) {
    return zones.lookup(zone);
  }

  /**
   * Waits until every hostname in {@code zone} is a CNAME to the gateway of {@code region}'s cluster, records it
   * and returns when the last one switched.
   */
  public Instant awaitServedBy(Zone zone, String region) {
    Instant last = ZoneAnswers.awaitAll(lookup(zone), hostnames(), DrillApplication.targetHost(region), timeout());
    timeline.dns(zone.label() + " zone answers " + DrillApplication.targetHost(region) + " for "
        + hostnames().size() + " names", last);
    return last;
  }

  /**
   * Normal operation: each region's zone answers with its own cluster's gateway for every name, the FRC zone
   * (no cluster) with WEU's through the cross-region controller, and each zone has its gateway's A record.
   */
  public void awaitNormalOperation() {
    awaitServedBy(Zone.WEU, "weu");
    awaitServedBy(Zone.NEU, "neu");
    awaitServedBy(Zone.FRC, "weu");
    awaitAddress(Zone.WEU, "weu", LOAD_BALANCER_IPS.get("weu"));
    awaitAddress(Zone.NEU, "neu", LOAD_BALANCER_IPS.get("neu"));
    awaitAddress(Zone.FRC, "weu", LOAD_BALANCER_IPS.get("weu"));
  }

  /** Waits until {@code zone} has {@code region}'s gateway name as an A record with {@code ip}. */
  public void awaitAddress(Zone zone, String region, String ip) {
    lookup(zone).await(DrillApplication.targetHost(region), "A", List.of(ip), timeout());
    timeline.dns(zone.label() + " zone answers A " + DrillApplication.targetHost(region) + " = " + ip, Instant.now());
  }

  /** WEU fails: its operator and all its ExternalDNS processes stop (its API server keeps its objects). */
  public void failWeu() {
    timeline.step("weu fails: operator and ExternalDNS stopped");
    weu.stopExternalDns();
    weu.stopOperator();
  }

  /**
   * NEU adopts WEU ({@code adoptsRegions: [weu]}), touching no ExternalDNS process; fenced, NEU's operator takes
   * the leases of the WEU and FRC zones through its zone agents (break glass). Returns the failover time: from
   * the patch to the last name in the WEU and FRC zones answering NEU's gateway.
   */
  public Duration adoptWeu() {
    SharedIndexInformer<DNSEndpoint> neuEndpoints = neu.client().resources(DNSEndpoint.class).inAnyNamespace().inform();
    Instant patched = timeline.step("neu adopts weu: ClusterIdentity adoptsRegions [weu]");
    CpuTimes atPatch = CpuTimes.byProgram(PROGRAMS);
    neu.adopt(List.of("weu"));
    if (fencing == Fencing.FENCED) {
      timeline.dns("neu's operator took the weu and frc zone leases (break glass)",
          neu.awaitLeaseHolder(ADOPTED_ZONES, DrillCluster.holder("neu"), timeout()));
    }
    Instant operatorDone;
    try (SharedIndexInformer<DNSEndpoint> endpoints = neuEndpoints) {
      operatorDone = awaitAdoptedEndpoints(endpoints);
    }
    CpuTimes atOperatorDone = CpuTimes.byProgram(PROGRAMS);
    Instant last = operatorDone;
    for (Zone zone : ADOPTED_ZONES) {
      Instant switched = awaitServedBy(zone, "neu");
      last = switched.isAfter(last) ? switched : last;
    }
    timeline.cpu("CPU seconds until neu's operator was done (self: this JVM with both operators): "
        + atOperatorDone.since(atPatch));
    timeline.cpu("CPU seconds after that until DNS answered: " + CpuTimes.byProgram(PROGRAMS).since(atOperatorDone));
    return timeline.failover(patched, operatorDone, last);
  }

  /**
   * What an automatic failover took.
   *
   * @param takeover from the last renewal of weu's heartbeat seen to the lease held by neu (both zones of weu)
   * @param failover from that takeover to the last name of both zones answering neu's gateway
   */
  public record Takeover(Duration takeover, Duration failover) {
  }

  /**
   * Automatic failover: weu's gateway turns unhealthy and its kube-apiserver stops (its operator and ExternalDNS
   * keep running, cut off from it), nothing is patched; neu's operator takes the weu and frc zones over when weu's
   * heartbeat stood still for the lease duration and its probes of weu's gateway failed. The fence records are
   * read through neu's agents every 20 ms: the takeover time runs from the last change of weu's heartbeat seen to
   * the first read of neu's lease.
   */
  public Takeover failWeuAutomatically() throws IOException {
    awaitHeartbeatsOf(weu.region());
    timeline.step("weu fails: gateway unhealthy, kube-apiserver stopped (no object changed)");
    weu.gatewayHealthy(false);
    weu.stopApiServer();
    Map<Zone, Instant> lastRenewal = new EnumMap<>(Zone.class);
    Map<Zone, FenceState> seen = new EnumMap<>(Zone.class);
    Instant deadline = Instant.now().plus(timeout());
    while (ADOPTED_ZONES.stream().anyMatch(zone -> seen.get(zone) == null || !heldBy(seen.get(zone), "neu"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no automatic takeover within " + timeout() + ": " + seen);
      }
      for (Zone zone : ADOPTED_ZONES) {
        FenceState state = neu.fenceState(zone);
        FenceState before = seen.put(zone, state);
        if (before == null || (heldBy(state, "weu") && !state.heartbeat().equals(before.heartbeat()))) {
          lastRenewal.put(zone, Instant.now());
        }
      }
      sleep(Duration.ofMillis(20));
    }
    Instant taken = Instant.now();
    Instant lastBeat = lastRenewal.values().stream().max(Instant::compareTo).orElseThrow();
    timeline.dns("neu took the weu and frc zone leases over (automatic, epochs " + ADOPTED_ZONES.stream()
        .map(zone -> seen.get(zone).lease().orElseThrow().epoch() + "").collect(Collectors.joining(", ")) + ")",
        taken);
    Instant last = taken;
    for (Zone zone : ADOPTED_ZONES) {
      Instant switched = awaitServedBy(zone, "neu");
      last = switched.isAfter(last) ? switched : last;
    }
    Takeover result = new Takeover(Duration.between(lastBeat, taken), Duration.between(taken, last));
    timeline.automatic(result.takeover(), result.failover());
    return result;
  }

  /**
   * Automatic hand-back: weu's kube-apiserver starts and its gateway turns healthy; weu's operator, deposed, claims
   * its zones back, and neu hands them back by the hand-back rules (claim stable, gateway healthy, minimum
   * adoption), sampled continuously.
   *
   * @return the answer sequence per {@code <zone> <name>} over the whole hand-back
   */
  public Map<String, List<String>> recoverWeuAutomatically() throws Exception {
    return sampleAdoptedZones(() -> {
      restoreWeu();
      timeline.dns("neu handed the weu and frc zone leases back to weu",
          neu.awaitLeaseHolder(ADOPTED_ZONES, DrillCluster.holder("weu"), timeout()));
      ADOPTED_ZONES.forEach(zone -> awaitServedBy(zone, "weu"));
      awaitPasses(neu);
    });
  }

  /** weu's kube-apiserver starts and its gateway turns healthy (after {@link #failWeuAutomatically()}). */
  public void restoreWeu() {
    timeline.step("weu recovers: kube-apiserver started, gateway healthy");
    weu.startApiServer();
    weu.gatewayHealthy(true);
  }

  /** The lease creations (epoch 1) each zone's DNS server committed, by the holder they named. */
  public Map<Zone, List<String>> leaseCreations() {
    return zones.leaseCreations();
  }

  /**
   * Reads every zone's lease through neu's agents every 250 ms for {@code duration} while {@code during} runs
   * (it is called with the time elapsed at each read), and returns the distinct leases seen per zone.
   */
  public Map<Zone, Set<Lease>> leasesDuring(Duration duration, Consumer<Duration> during) throws IOException {
    Map<Zone, Set<Lease>> seen = new EnumMap<>(Zone.class);
    Instant start = Instant.now();
    for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0;
        elapsed = Duration.between(start, Instant.now())) {
      during.accept(elapsed);
      for (Zone zone : Zone.values()) {
        neu.fenceState(zone).lease().ifPresent(lease -> seen.computeIfAbsent(zone, z -> new HashSet<>()).add(lease));
      }
      sleep(Duration.ofMillis(250));
    }
    return seen;
  }

  /** Waits until {@code region}'s operator renews the heartbeats of its zones (it holds them and they change). */
  public void awaitHeartbeatsOf(String region) {
    Map<Zone, Optional<Heartbeat>> first = new EnumMap<>(Zone.class);
    Awaitility.await(region + " renewing its zones' heartbeats").atMost(timeout()).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          boolean renewing = true;
          for (Zone zone : ADOPTED_ZONES) {
            FenceState state = neu.fenceState(zone);
            Optional<Heartbeat> before = first.putIfAbsent(zone, state.heartbeat());
            renewing &= heldBy(state, region) && before != null && !before.equals(state.heartbeat());
          }
          return renewing;
        });
  }

  private static boolean heldBy(FenceState state, String region) {
    return state.lease().filter(lease -> lease.heldBy(DrillCluster.holder(region))).isPresent();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@link #TIMEOUT}, longer for more than 100 services. */
  private Duration timeout() {
    return TIMEOUT.plus(PER_SERVICE.multipliedBy(Math.max(0, application.services() - 100)));
  }

  /**
   * Waits until NEU has as many DNSEndpoints for each adopted zone as WEU has (WEU's API server keeps its
   * objects), watching NEU's API server through {@code endpoints} (an informer started before the patch, so
   * that observing costs neither side more than the events themselves; polling lists of thousands of objects
   * did); returns when that was first seen: the operator's part of the failover.
   */
  private Instant awaitAdoptedEndpoints(SharedIndexInformer<DNSEndpoint> endpoints) {
    Map<Zone, Integer> expected = new EnumMap<>(Zone.class);
    ADOPTED_ZONES.forEach(zone -> expected.put(zone, weu.dnsEndpointsFor(zone)));
    Awaitility.await("neu's DNSEndpoints for the weu and frc zones").atMost(timeout()).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ADOPTED_ZONES.stream().allMatch(zone -> endpoints.getStore().list().stream()
            .filter(endpoint -> zone.controller().equals(endpoint.getMetadata().getLabels().get(Labels.LABEL_CONTROLLER)))
            .count() >= expected.get(zone)));
    timeline.api("neu's operator wrote every DNSEndpoint for the weu and frc zones");
    return Instant.now();
  }

  /**
   * Hands WEU back in SPEC §8.2 rule 4 order while sampling the WEU and FRC zones continuously: NEU drops the
   * adoption (and the drill waits until NEU's operator deleted its DNSEndpoints for those zones and NEU's
   * instances completed a pass after that), then WEU's operator and ExternalDNS start, and the drill waits until
   * every name answers WEU's gateway and NEU's instances completed another pass.
   *
   * @return the answer sequence per {@code <zone> <name>} over the whole hand-back
   */
  public Map<String, List<String>> recoverWeu() throws Exception {
    return sampleAdoptedZones(() -> {
      timeline.step("neu releases weu: adoptsRegions removed");
      neu.adopt(List.of());
      Awaitility.await("neu's DNSEndpoints for the weu and frc zones deleted").atMost(timeout())
          .until(() -> ADOPTED_ZONES.stream().allMatch(zone -> neu.dnsEndpointsFor(zone) == 0));
      timeline.api("neu's DNSEndpoints for the weu and frc zones deleted");
      awaitPasses(neu);
      timeline.step("neu's weu/frc ExternalDNS instances completed a pass since");
      if (fencing == Fencing.FENCED) {
        timeline.dns("neu's operator handed the weu and frc zone leases back to weu",
            neu.awaitLeaseHolder(ADOPTED_ZONES, DrillCluster.holder("weu"), timeout()));
      }
      timeline.step("weu operator starts");
      restartWeu();
      ADOPTED_ZONES.forEach(zone -> awaitServedBy(zone, "weu"));
      awaitPasses(neu);
    });
  }

  /**
   * The recovery mistake SPEC §8.2 rule 4 forbids: WEU's operator and ExternalDNS start while NEU still adopts
   * WEU, so two clusters want to write the same zones with the same owner id. Samples the WEU and FRC zones while
   * both clusters' instances try {@code passes} passes each: unfenced, WEU's passes complete and the zones flap;
   * fenced, WEU's agents refuse every write (NEU holds the leases), so WEU's tries are counted as refusals.
   *
   * @return the answer sequence per {@code <zone> <name>}
   */
  public Map<String, List<String>> restartWeuWhileAdopted(int passes) throws Exception {
    return sampleAdoptedZones(() -> {
      timeline.step("weu restarts while neu still adopts weu (violates SPEC §8.2 rule 4)");
      restartWeu();
      for (int i = 0; i < passes; i++) {
        if (fencing == Fencing.FENCED) {
          awaitRefusedPasses(weu, i + 1);
        } else {
          awaitPasses(weu);
        }
        awaitPasses(neu);
      }
    });
  }

  /**
   * Fenced: audits every zone's update log and records the timeline's last line, {@code fence: <n> refused,
   * <m> committed out of lease}: n the writes refused (by the agents, or by BIND for a stale lease), m the data
   * changes BIND committed for a key whose cluster did not hold the zone's lease at that moment.
   *
   * @return m
   * @throws IllegalStateException when the logs show no committed data change at all (the drill writes every
   *     zone, so the logs were not read: an audit of nothing would pass)
   */
  public int auditFence() {
    UpdateLog.Audit audit = zones.audit();
    if (audit.committed() == 0) {
      throw new IllegalStateException("the DNS servers' update logs show no committed change: not audited");
    }
    long refused = Math.round(weu.refusedWrites() + neu.refusedWrites()) + audit.refused();
    audit.committedOutOfLease().forEach(entry -> timeline.step("out of lease: " + entry));
    timeline.fence("fence: " + refused + " refused, " + audit.committedOutOfLease().size()
        + " committed out of lease");
    return audit.committedOutOfLease().size();
  }

  /** Gives {@code cluster}'s ingress LoadBalancer Service a new address. */
  public void changeLoadBalancerIp(DrillCluster cluster, String ip) {
    timeline.step(cluster.region() + " LoadBalancer IP changes to " + ip);
    DrillApplication.setLoadBalancerIp(cluster.client(), ip);
  }

  /** Stops both clusters and the zones. */
  @Override
  public void close() throws Exception {
    closeAll(List.of(zones, weu, neu));
  }

  /** Something the drill does while the zones are sampled. */
  private interface Action {
    void run() throws Exception;
  }

  private Map<String, List<String>> sampleAdoptedZones(Action action) throws Exception {
    Map<Zone, DnsLookup> sampled = new EnumMap<>(Zone.class);
    ADOPTED_ZONES.forEach(zone -> sampled.put(zone, lookup(zone)));
    try (AnswerSampler sampler = AnswerSampler.start(sampled, hostnames())) {
      action.run();
      Map<String, List<String>> sequences = sampler.stop();
      timeline.step("sampling ends (" + sampler.rounds() + " rounds)");
      return sequences;
    }
  }

  private void restartWeu() throws Exception {
    weu.startOperator();
    timeline.step("weu operator started; weu ExternalDNS starts");
    weu.startExternalDns(mode, fencing);
  }

  private void awaitPasses(DrillCluster cluster) {
    ADOPTED_ZONES.forEach(zone -> cluster.externalDns(zone).awaitCompletePass(timeout()));
  }

  /** Waits until {@code cluster}'s agents of the adopted zones refused at least {@code count} writes each. */
  private void awaitRefusedPasses(DrillCluster cluster, int count) {
    Awaitility.await(cluster.region() + "'s writes refused " + count + " times").atMost(timeout())
        .until(() -> ADOPTED_ZONES.stream().allMatch(zone -> cluster.refused(zone, Refusal.NOT_HOLDER) >= count));
  }

  private static void closeAll(List<AutoCloseable> closeables) throws Exception {
    Exception first = null;
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
