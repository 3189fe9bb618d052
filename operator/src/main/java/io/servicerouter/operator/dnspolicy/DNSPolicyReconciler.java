package io.servicerouter.operator.dnspolicy;

import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.events.AllPrimariesMapper;
import io.servicerouter.operator.events.ItselfMapper;
import io.servicerouter.operator.events.SharingIndexKeyMapper;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.List;

/** Reconciles a DNSPolicy (SPEC §3.5): stores the planner's status; a policy generates no object. */
public final class DNSPolicyReconciler extends PlannedReconciler<DNSPolicy> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "dnspolicy";

  /** A reconciler over the shared context. */
  public DNSPolicyReconciler(OperatorContext context) {
    super(context, KIND, context.caches().policies());
  }

  @Override
  protected void reconcile(DNSPolicy policy, CacheSnapshot snapshot, Evaluation evaluation) {
    context.statuses().write(policy, evaluation.policy(policy).status());
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(), new AllPrimariesMapper<>(caches.policies())),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(), new AllPrimariesMapper<>(caches.policies())),
        Trigger.of(DNSPolicy.class, caches.policies(), new ItselfMapper()),
        Trigger.onSpecChange(DNSPolicy.class, caches.policies(), new SharingIndexKeyMapper<>(caches.policies(), SnapshotIndexes.BY_NAMESPACE)));
  }
}
