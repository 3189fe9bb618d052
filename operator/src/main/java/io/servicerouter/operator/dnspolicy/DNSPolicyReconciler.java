package io.servicerouter.operator.dnspolicy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.convergence.ConfigVersions;
import io.servicerouter.operator.events.AllPrimariesMapper;
import io.servicerouter.operator.events.SharingIndexKeyMapper;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.operator.serviceroute.RoutesOfGatewayMapper;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.RouteGroupPlan;
import io.servicerouter.planner.RouteGroups;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciles a DNSPolicy (SPEC §3.5) and, for the authoritative policy of a namespace, the namespace's grouped
 * route DNSEndpoints (SPEC §4.6): writes the groups the planner desires (new and growing ones first), then
 * deletes the groups and per-route DNSEndpoints they replace, then stores the status. In the route layout it
 * retires the groups a namespace layout left, record by record as the routes' own DNSEndpoints appear.
 */
public final class DNSPolicyReconciler extends PlannedReconciler<DNSPolicy> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "dnspolicy";

  /** A reconciler over the shared context. */
  public DNSPolicyReconciler(OperatorContext context) {
    super(context, KIND, context.caches().policies());
  }

  @Override
  protected void reconcile(DNSPolicy policy, CacheSnapshot snapshot, Evaluation evaluation) {
    ConfigVersions seen = context.convergence().versionsNow();
    String namespace = policy.getMetadata().getNamespace();
    boolean authoritative = evaluation.authoritative(policy);
    if (authoritative) {
      RouteGroupPlan groups = evaluation.routeGroups(namespace);
      groups.desired().forEach(group -> context.generated().apply(group, snapshot.dnsEndpoint(namespace,
          group.getMetadata().getName())));
      groups.obsolete().forEach(context.generated()::delete);
      groups.retired().forEach(context.generated()::delete);
    }
    context.statuses().write(policy, evaluation.policyStatus(policy));
    if (authoritative && context.options().grouped()) {
      snapshot.routesIn(namespace).forEach(route -> context.convergence().routeReconciled(ObjectKey.of(route), seen));
    }
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    boolean grouped = context.options().grouped();
    return List.of(
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(), new AllPrimariesMapper<>(caches.policies())),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(), new AllPrimariesMapper<>(caches.policies())),
        Trigger.itself(DNSPolicy.class, caches.policies(), context.statuses().echoes()),
        Trigger.onSpecChange(DNSPolicy.class, caches.policies(), new SharingIndexKeyMapper<>(caches.policies(), SnapshotIndexes.BY_NAMESPACE)),
        Trigger.onSpecChange(ServiceRoute.class, caches.routes(),
            RouteGroupPoliciesMapper.ofNamespacedObject(caches, grouped),
            RouteGroupPoliciesMapper.ofRoutes(caches, grouped,
                new SharingIndexKeyMapper<>(caches.routes(), SnapshotIndexes.ROUTES_BY_HOSTNAME_PARTS))),
        Trigger.onSpecChange(Gateway.class, caches.gateways(),
            RouteGroupPoliciesMapper.ofRoutes(caches, grouped, new RoutesOfGatewayMapper(caches.routes()))),
        Trigger.of(Namespace.class, caches.namespaces(), RouteGroupPoliciesMapper.ofNamespace(caches, grouped)),
        Trigger.of(DNSEndpoint.class, caches.dnsEndpoints(), routeRecords(caches, grouped)));
  }

  /** Route DNSEndpoints and groups reach the policies of their namespace: a group is repaired, a route's retires groups. */
  private static SecondaryToPrimaryMapper<DNSEndpoint> routeRecords(
      SharedCaches caches, boolean grouped) {
    RouteGroupPoliciesMapper<DNSEndpoint> policies = RouteGroupPoliciesMapper.ofNamespacedObject(caches, grouped);
    return endpoint -> {
      Map<String, String> labels = endpoint.getMetadata().getLabels();
      boolean routeRecords = RouteGroups.hasGroupName(endpoint)
          || labels != null && labels.containsKey(Labels.LABEL_SERVICE_ROUTE);
      return routeRecords ? policies.toPrimaryResourceIDs(endpoint) : Set.of();
    };
  }
}
