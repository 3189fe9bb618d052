package io.servicerouter.operator.dnsconfiguration;

import io.servicerouter.model.cluster.ClusterIdentity;
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
 * Reconciles a DNSConfiguration (SPEC §3.4): stores the planner's status. Any DNSConfiguration or
 * ClusterIdentity change re-evaluates every DNSConfiguration (the oldest is authoritative, §3.2).
 */
public final class DNSConfigurationReconciler extends PlannedReconciler<DNSConfiguration> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "dnsconfiguration";

  /** A reconciler over the shared context. */
  public DNSConfigurationReconciler(OperatorContext context) {
    super(context, KIND, context.caches().dnsConfigurations());
  }

  @Override
  protected void reconcile(DNSConfiguration configuration, CacheSnapshot snapshot, Evaluation evaluation) {
    context.statuses().write(configuration, evaluation.status(configuration));
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.of(DNSConfiguration.class, caches.dnsConfigurations(), new ItselfMapper()),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(),
            new AllPrimariesMapper<>(caches.dnsConfigurations())),
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(),
            new AllPrimariesMapper<>(caches.dnsConfigurations())));
  }
}
