package io.servicerouter.drill;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Holder;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.AdoptedRegion;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.ZoneLeaseStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.operator.zonelease.ZoneAgentClient;
import io.servicerouter.planner.Options;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ExternalDns.Placement;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.ExternalDns;
import io.servicerouter.testsupport.FreePorts;
import io.servicerouter.testsupport.TcpRelay;
import io.servicerouter.zoneagent.Refusal;
import io.servicerouter.zoneagent.ZoneAgent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.awaitility.Awaitility;

/**
 * One cluster of the drill: its own control plane, the operator running in-process against it, and one ExternalDNS
 * instance per {@link Zone} (SPEC §8.1), run with the arguments the Helm chart renders for this cluster
 * ({@link ExternalDns}). Every instance of a zone, in every cluster, has the zone's controller name as TXT owner
 * id and the chart's TXT prefix; the instance runs {@code sync} when this cluster is the zone's home
 * ({@link DrillMode#homeRegion}) and {@code upsert-only} otherwise. Fenced ({@link Fencing}), each instance writes
 * through a zone agent of its own (in-process, as the sidecar of the instance's pod) that signs with this
 * cluster's TSIG key and writes only while the zone's lease names this cluster; the zone's home creates the lease.
 */
public final class DrillCluster implements AutoCloseable {

  private static final int RECONCILE_THREADS = 4;

  private final String region;
  private final ControlPlane controlPlane;
  private final DnsZones zones;
  private final Map<Zone, ExternalDns> externalDns = new EnumMap<>(Zone.class);
  private final Map<Zone, ZoneAgent> agents = new EnumMap<>(Zone.class);
  /** The management port of this cluster's agent per zone: fixed, as the DNSConfiguration names it. */
  private final Map<Zone, Integer> agentPorts = new EnumMap<>(Zone.class);
  /** Writes refused by the agents stopped so far (a running agent's are read from it). */
  private double refusedByStoppedAgents;
  private OperatorRuntime operator;
  private final GatewayHealth gateway = new GatewayHealth();
  /** This cluster's links to the zones' DNS servers (its agents connect through them). */
  private final Map<Zone, TcpRelay> dnsLinks = new EnumMap<>(Zone.class);

  private DrillCluster(String region, ControlPlane controlPlane, DnsZones zones) {
    this.region = region;
    this.controlPlane = controlPlane;
    this.zones = zones;
    for (Zone zone : Zone.values()) {
      agentPorts.put(zone, FreePorts.tcp());
    }
  }

  /** The management URL of this cluster's zone agent per zone, for its DNSConfiguration; empty unfenced. */
  public Map<Zone, String> zoneAgentUrls(Fencing fencing) {
    Map<Zone, String> urls = new EnumMap<>(Zone.class);
    if (fencing == Fencing.FENCED) {
      agentPorts.forEach((zone, port) -> urls.put(zone, "http://127.0.0.1:" + port));
    }
    return urls;
  }

  /** Starts the control plane {@code drill-<region>} (no operator, no ExternalDNS yet). */
  public static DrillCluster start(String region, DnsZones zones) {
    return new DrillCluster(region, ControlPlane.start("drill-" + region), zones);
  }

  /** The cluster's region. */
  public String region() {
    return region;
  }

  /** The admin client of the cluster's API server. */
  public KubernetesClient client() {
    return controlPlane.client();
  }

  /** Starts the operator (default options: {@code --address-records=active}, gateway namespace istio-system). */
  public void startOperator() throws Exception {
    startOperator(System::nanoTime);
  }

  /** {@link #startOperator()} with the monotonic clock automatic failover times heartbeats with. */
  public void startOperator(LongSupplier nanoTime) throws Exception {
    operator = OperatorRuntime.start(client(), new OperatorSettings(WatchScope.ALL, Options.DEFAULTS,
        RECONCILE_THREADS, Optional.empty()), new OperatorMetrics("drill-" + region), Clock.systemUTC(), nanoTime);
  }

  /** The URL of this cluster's gateway health endpoint (what the other cluster's operator probes). */
  public String gatewayHealthUrl() {
    return gateway.url();
  }

  /** Makes this cluster's gateway healthy or unhealthy (its health endpoint answers 200 or 503). */
  public void gatewayHealthy(boolean healthy) {
    gateway.healthy(healthy);
  }

  /**
   * Cuts (or restores) this cluster's links to every zone's DNS server: its agents can neither read nor write
   * the zones, while the other cluster still reaches them.
   */
  public void dnsReachable(boolean reachable) {
    dnsLinks.values().forEach(link -> {
      if (reachable) {
        link.restore();
      } else {
        link.cut();
      }
    });
  }

  /** The writes {@code zone}'s running agent refused for {@code refusal}. */
  public double refused(Zone zone, Refusal refusal) {
    return agent(zone).metrics().rejected(refusal);
  }

  /** Makes this cluster's gateway alternate between healthy and unhealthy every {@code half}. */
  public void gatewayFlapping(Duration half) {
    gateway.flap(half);
  }

  /** Stops this cluster's kube-apiserver (its operator and ExternalDNS keep running, cut off from it). */
  public void stopApiServer() {
    controlPlane.stopApiServer();
  }

  /** Starts this cluster's kube-apiserver again; returns once it is ready. */
  public void startApiServer() {
    controlPlane.startApiServer();
  }

  /** The fence records of {@code zone} as this cluster's agent reads them now. */
  public FenceState fenceState(Zone zone) throws IOException {
    return new ZoneAgentClient().state("http://127.0.0.1:" + agentPorts.get(zone));
  }

  /** Stops the operator; what it wrote stays in the API server, as in a cluster that lost its operator. */
  public void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /**
   * Starts every zone's instance (fenced: with its zone agent, whose home is the zone's home under {@code mode})
   * and returns once each completed a sync pass (fenced: once each serves, as a pass may be refused): {@code sync}
   * for the zones whose
   * home (under {@code mode}) is this cluster, {@code upsert-only} for the others. The chart is given the
   * production topology (this cluster's region and each zone controller's region) and derives the policy
   * itself. Only a zone whose home is not its controller's region (a RegionBound hub writes it) has its policy
   * set explicitly, as the chart's values ask for a hub. A rendered policy other than the home rule's stops
   * the drill.
   */
  public void startExternalDns(DrillMode mode, Fencing fencing) throws IOException {
    for (Zone zone : Zone.values()) {
      Policy expected = mode.homeRegion(zone).equals(region) ? Policy.SYNC : Policy.UPSERT_ONLY;
      Optional<Policy> explicit = mode.homeRegion(zone).equals(zone.homeRegion()) ? Optional.empty()
          : Optional.of(expected);
      Settings settings = new Settings(zone.controller(), DrillApplication.DOMAIN, Selection.LABEL,
          new Placement(region, zone.homeRegion(), explicit));
      ExternalDns instance;
      if (fencing == Fencing.FENCED) {
        ZoneAgent agent = startAgent(zone, holder(mode.homeRegion(zone)));
        agents.put(zone, agent);
        instance = ExternalDns.startThroughWebhook(controlPlane, zones.server(zone), settings,
            "http://127.0.0.1:" + agent.webhookPort());
      } else {
        instance = ExternalDns.start(controlPlane, zones.server(zone), settings);
      }
      externalDns.put(zone, instance);
      if (instance.policy() != expected) {
        throw new IllegalStateException("the chart rendered --policy " + instance.policy() + " for " + zone
            + " in " + region + ", whose home is " + mode.homeRegion(zone) + ": expected " + expected);
      }
    }
  }

  /** The lease holder name of the drill's cluster in {@code region}. */
  public static Holder holder(String region) {
    return new Holder(DrillApplication.CLUSTER, region);
  }

  /** Starts {@code zone}'s agent, reaching the zone's DNS server through this cluster's relay (to cut it). */
  private ZoneAgent startAgent(Zone zone, Holder home) throws IOException {
    BindServer server = zones.server(zone);
    TcpRelay link = dnsLinks.computeIfAbsent(zone, z -> TcpRelay.start("127.0.0.1", server.port()));
    return ZoneAgent.start(new ZoneAgent.Settings("127.0.0.1", link.port(), DrillApplication.DOMAIN,
        zone.controller(), holder(region), home, server.tsigKey(region).tsig(), 0),
        new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", agentPorts.get(zone)), () -> { });
  }

  /**
   * Waits until this cluster's agents read {@code holder} in the leases of {@code zoneList} (the operator moves
   * them), and returns when that was first seen.
   */
  public Instant awaitLeaseHolder(List<Zone> zoneList, Holder holder, Duration timeout) {
    Awaitility.await("leases of " + zoneList + " held by " + holder).atMost(timeout).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20)).until(() -> {
          for (Zone zone : zoneList) {
            if (agent(zone).leaseControl().current().filter(lease -> lease.heldBy(holder)).isEmpty()) {
              return false;
            }
          }
          return true;
        });
    return Instant.now();
  }

  /** The writes this cluster's agents refused so far, every reason. */
  public double refusedWrites() {
    return refusedByStoppedAgents + agents.values().stream().mapToDouble(DrillCluster::refused).sum();
  }

  private ZoneAgent agent(Zone zone) {
    return Optional.ofNullable(agents.get(zone))
        .orElseThrow(() -> new IllegalStateException("no zone agent for " + zone + " in " + region));
  }

  private static double refused(ZoneAgent agent) {
    return Arrays.stream(Refusal.values()).mapToDouble(agent.metrics()::rejected).sum();
  }

  /** Stops every ExternalDNS instance of the cluster and their zone agents. */
  public void stopExternalDns() {
    externalDns.values().forEach(ExternalDns::close);
    externalDns.clear();
    refusedByStoppedAgents += agents.values().stream().mapToDouble(DrillCluster::refused).sum();
    agents.values().forEach(ZoneAgent::close);
    agents.clear();
  }

  /** The running instance of {@code zone}. */
  public ExternalDns externalDns(Zone zone) {
    return Optional.ofNullable(externalDns.get(zone))
        .orElseThrow(() -> new IllegalStateException("no ExternalDNS for " + zone + " in " + region));
  }

  /** The ClusterIdentity's {@code status.adoptedRegions}: the regions adopted by automatic failover. */
  public List<AdoptedRegion> automaticallyAdopted() {
    ClusterIdentity identity = client().resources(ClusterIdentity.class).withName("cluster-identity").get();
    return identity.getStatus() == null || identity.getStatus().getAdoptedRegions() == null ? List.of()
        : identity.getStatus().getAdoptedRegions();
  }

  /** Sets {@code spec.approveReclaimEpoch} of the ClusterIdentity (a manual hand-back's approval). */
  public void approveReclaim(long epoch) {
    client().resources(ClusterIdentity.class).withName("cluster-identity").edit(identity -> {
      identity.getSpec().setApproveReclaimEpoch(epoch);
      return identity;
    });
  }

  /** Sets {@code spec.adoptsRegions} of the ClusterIdentity (empty: no adoption). */
  public void adopt(List<String> regions) {
    client().resources(ClusterIdentity.class).withName("cluster-identity").edit(identity -> {
      identity.getSpec().setAdoptsRegions(regions.isEmpty() ? null : new ArrayList<>(regions));
      return identity;
    });
  }

  /** The DNSConfiguration's {@code status.zones}: the zone leases as the operator last stored them. */
  public List<ZoneLeaseStatus> zoneLeases() {
    DNSConfiguration configuration = client().resources(DNSConfiguration.class).withName("dns-config").get();
    return configuration.getStatus() == null || configuration.getStatus().getZones() == null ? List.of()
        : configuration.getStatus().getZones();
  }

  /** The number of DNSEndpoints in the cluster that feed {@code zone}'s controller. */
  public int dnsEndpointsFor(Zone zone) {
    return client().resources(DNSEndpoint.class).inAnyNamespace()
        .withLabel(Labels.LABEL_CONTROLLER, zone.controller()).list().getItems().size();
  }

  /** The messages of the Events with {@code reason} about the ClusterIdentity, oldest first. */
  public List<String> clusterIdentityEvents(String reason) {
    return client().v1().events().inNamespace("default").list().getItems().stream()
        .filter(event -> "ClusterIdentity".equals(event.getInvolvedObject().getKind()))
        .filter(event -> reason.equals(event.getReason()))
        .map(Event::getMessage)
        .toList();
  }

  /** Stops ExternalDNS, the operator and the control plane. */
  @Override
  public void close() {
    gateway.close();
    stopExternalDns();
    dnsLinks.values().forEach(TcpRelay::close);
    stopOperator();
    controlPlane.close();
  }
}
