package io.servicerouter.operator.clusteridentity;

import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.events.AllPrimariesMapper;
import io.servicerouter.operator.events.ItselfMapper;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.planner.Evaluation;
import java.util.List;

/**
 * Reconciles a ClusterIdentity (SPEC §3.3): stores the planner's status and announces failovers. Any ClusterIdentity or
 * DNSConfiguration change re-evaluates every ClusterIdentity (the oldest is authoritative, §3.2).
 */
public final class ClusterIdentityReconciler extends PlannedReconciler<ClusterIdentity> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "clusteridentity";

  /** A reconciler over the shared context. */
  public ClusterIdentityReconciler(OperatorContext context) {
    super(context, KIND, context.caches().clusterIdentities());
  }

  @Override
  protected void reconcile(ClusterIdentity identity, CacheSnapshot snapshot, Evaluation evaluation) {
    ClusterIdentityStatus before = identity.getStatus();
    ClusterIdentityStatus after = evaluation.status(identity);
    if (context.statuses().write(identity, after)) {
      FailoverEvents.of(identity, before, after, snapshot, context.options())
          .forEach(transition -> context.events().emit(identity, transition));
    }
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.of(ClusterIdentity.class, caches.clusterIdentities(), new ItselfMapper()),
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(),
            new AllPrimariesMapper<>(caches.clusterIdentities())),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(),
            new AllPrimariesMapper<>(caches.clusterIdentities())));
  }
}
