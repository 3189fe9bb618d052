package io.servicerouter.operator.zonelease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseIntent;
import io.servicerouter.fence.LeaseIntents;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.ZoneLeaseStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.events.AllPrimariesMapper;
import io.servicerouter.operator.events.ItselfMapper;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.planner.ClusterContext;
import io.servicerouter.planner.Evaluation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves the zone leases of a manual failover (issue 14): when the ClusterIdentity adopts a region, this cluster's
 * zone agents take the leases of that region's zones at once (break glass, the former holder fenced from that
 * instant); once the adoption ends and the cluster's DNSEndpoints for a zone are gone, the agent hands the lease
 * back to the zone's home. Decided by {@link LeaseIntents}; re-checked on every ClusterIdentity, DNSConfiguration
 * and DNSEndpoint change; an agent that does not answer is retried with the reconcile back-off. Each lease change
 * it causes is one Event on the ClusterIdentity ({@code ZoneLeaseTaken}, {@code ZoneLeaseReleased}, and
 * {@code ZoneLeaseLost} when another adopter took it, see {@link LeaseKeeper}); every lease read sets
 * {@code servicerouter_zone_lease_epoch} and {@code servicerouter_zone_role}.
 */
public final class ZoneLeaseReconciler extends PlannedReconciler<ClusterIdentity> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "zonelease";

  private final ZoneStatusStore store;
  private final LeaseKeeper keeper;
  private final ZoneLeaseMetrics metrics;

  /** A reconciler over the shared context, talking to the agents through {@code agents}. */
  public ZoneLeaseReconciler(OperatorContext context, KubernetesClient writer, ZoneAgents agents) {
    super(context, KIND, context.caches().clusterIdentities());
    this.store = new ZoneStatusStore(writer, context.caches());
    this.keeper = new LeaseKeeper(agents);
    this.metrics = new ZoneLeaseMetrics(context.metrics().registry());
  }

  @Override
  protected void reconcile(ClusterIdentity identity, CacheSnapshot snapshot, Evaluation evaluation) {
    if (!ZoneStatusStore.isActive(evaluation.status(identity))) {
      return; // only the available identity moves leases (SPEC §3.2: a second one is a singleton violation)
    }
    ClusterContext cluster = evaluation.cluster();
    Holder self = new Holder(identity.getSpec().getCluster(), identity.getSpec().getRegion());
    List<String> failures = new ArrayList<>();
    List<ZoneLeaseStatus> zones = new ArrayList<>();
    for (LeaseIntent intent : LeaseIntents.of(cluster, controllersWritten())) {
      try {
        zones.add(apply(identity, self, intent));
      } catch (IOException | RuntimeException e) {
        failures.add(intent.controller() + " (" + intent.action() + "): " + e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("zone agents did not answer, retrying: " + String.join("; ", failures));
    }
    if (store.configuration(evaluation).flatMap(FailoverLoop::automatic).isEmpty()) {
      store.store(evaluation, zones); // with automatic failover the failover loop stores the zones' states
    }
  }

  private ZoneLeaseStatus apply(ClusterIdentity identity, Holder self, LeaseIntent intent) throws IOException {
    LeaseKeeper.Outcome outcome = keeper.apply(self, intent);
    String role = ZoneLeaseMetrics.role(self, intent, outcome.lease());
    metrics.observed(intent.controller(), role, outcome.lease());
    outcome.transition().ifPresent(transition -> context.events().emit(identity, transition));
    return new ZoneLeaseStatus(intent.controller(), outcome.lease().map(l -> l.holder().toString()).orElse(null),
        outcome.lease().map(Lease::epoch).orElse(null), role);
  }

  /** The controllers this cluster has DNSEndpoints for. */
  private Set<String> controllersWritten() {
    return context.caches().dnsEndpoints().list().stream()
        .map(endpoint -> endpoint.getMetadata().getLabels() == null ? null
            : endpoint.getMetadata().getLabels().get(Labels.LABEL_CONTROLLER))
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.of(ClusterIdentity.class, caches.clusterIdentities(), new ItselfMapper()),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(),
            new AllPrimariesMapper<>(caches.clusterIdentities())),
        Trigger.of(DNSEndpoint.class, caches.dnsEndpoints(), new AllPrimariesMapper<>(caches.clusterIdentities())));
  }
}
