package io.servicerouter.drill;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.planner.Options;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ExternalDns.Placement;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.ExternalDns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster of the drill: its own control plane, the operator running in-process against it, and one ExternalDNS
 * instance per {@link Zone} (SPEC §8.1), run with the arguments the Helm chart renders for this cluster
 * ({@link ExternalDns}). Every instance of a zone, in every cluster, has the zone's controller name as TXT owner
 * id and the chart's TXT prefix; the instance runs {@code sync} when this cluster is the zone's home
 * ({@link DrillMode#homeRegion}) and {@code upsert-only} otherwise.
 */
public final class DrillCluster implements AutoCloseable {

  private static final int RECONCILE_THREADS = 4;

  private final String region;
  private final ControlPlane controlPlane;
  private final DnsZones zones;
  private final Map<Zone, ExternalDns> externalDns = new EnumMap<>(Zone.class);
  private OperatorRuntime operator;

  private DrillCluster(String region, ControlPlane controlPlane, DnsZones zones) {
    this.region = region;
    this.controlPlane = controlPlane;
    this.zones = zones;
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
    operator = OperatorRuntime.start(client(), new OperatorSettings(WatchScope.ALL, Options.DEFAULTS,
        RECONCILE_THREADS, Optional.empty()), new OperatorMetrics("drill-" + region), Clock.systemUTC());
  }

  /** Stops the operator; what it wrote stays in the API server, as in a cluster that lost its operator. */
  public void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /**
   * Starts every zone's instance and returns once each completed a sync pass: {@code sync} for the zones whose
   * home (under {@code mode}) is this cluster, {@code upsert-only} for the others. The chart is given the
   * production topology (this cluster's region and each zone controller's region) and derives the policy
   * itself. Only a zone whose home is not its controller's region (a RegionBound hub writes it) has its policy
   * set explicitly, as the chart's values ask for a hub. A rendered policy other than the home rule's stops
   * the drill.
   */
  public void startExternalDns(DrillMode mode) {
    for (Zone zone : Zone.values()) {
      Policy expected = mode.homeRegion(zone).equals(region) ? Policy.SYNC : Policy.UPSERT_ONLY;
      Optional<Policy> explicit = mode.homeRegion(zone).equals(zone.homeRegion()) ? Optional.empty()
          : Optional.of(expected);
      ExternalDns instance = ExternalDns.start(controlPlane, zones.server(zone), new Settings(zone.controller(),
          DrillApplication.DOMAIN, Selection.LABEL, new Placement(region, zone.homeRegion(), explicit)));
      externalDns.put(zone, instance);
      if (instance.policy() != expected) {
        throw new IllegalStateException("the chart rendered --policy " + instance.policy() + " for " + zone
            + " in " + region + ", whose home is " + mode.homeRegion(zone) + ": expected " + expected);
      }
    }
  }

  /** Stops every ExternalDNS instance of the cluster. */
  public void stopExternalDns() {
    externalDns.values().forEach(ExternalDns::close);
    externalDns.clear();
  }

  /** The running instance of {@code zone}. */
  public ExternalDns externalDns(Zone zone) {
    return Optional.ofNullable(externalDns.get(zone))
        .orElseThrow(() -> new IllegalStateException("no ExternalDNS for " + zone + " in " + region));
  }

  /** Sets {@code spec.adoptsRegions} of the ClusterIdentity (empty: no adoption). */
  public void adopt(List<String> regions) {
    client().resources(ClusterIdentity.class).withName("cluster-identity").edit(identity -> {
      identity.getSpec().setAdoptsRegions(regions.isEmpty() ? null : new ArrayList<>(regions));
      return identity;
    });
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
    stopExternalDns();
    stopOperator();
    controlPlane.close();
  }
}
