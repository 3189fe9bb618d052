package io.servicerouter.operator.serviceroute;

import io.fabric8.kubernetes.api.model.Namespace;
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
import io.servicerouter.operator.events.ControllerOwnerMapper;
import io.servicerouter.operator.events.SharingIndexKeyMapper;
import io.servicerouter.operator.reconcile.GeneratedObjects;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.RouteResult;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.List;

/**
 * Reconciles a ServiceRoute (SPEC §3.8): stores the planner's status and, in the route layout, converges, deletes
 * or keeps its route DNSEndpoints as the planner decides. In the namespace layout (SPEC §4.6) the namespace's
 * DNSPolicy reconciler writes the grouped records; a route only deletes DNSEndpoints of its own that a route
 * layout left when its records are to be deleted (the policy retires the others once the groups hold them).
 */
public final class ServiceRouteReconciler extends PlannedReconciler<ServiceRoute> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "serviceroute";

  /** A reconciler over the shared context. */
  public ServiceRouteReconciler(OperatorContext context) {
    super(context, KIND, context.caches().routes());
  }

  @Override
  protected void reconcile(ServiceRoute route, CacheSnapshot snapshot, Evaluation evaluation) {
    ConfigVersions seen = context.convergence().versionsNow();
    RouteResult result = evaluation.route(route);
    boolean grouped = context.options().grouped();
    switch (result.action()) {
      case CONVERGE -> {
        if (!grouped) {
          context.generated().converge(result.desired(), result.owned(), inOwned(result.owned()));
        }
      }
      case DELETE -> result.owned().forEach(context.generated()::delete);
      case KEEP -> { }
    }
    context.statuses().write(route, grouped ? result.status()
        : RouteStatuses.withStoredEndpointsUnderKeep(result, route.getStatus()));
    // In the namespace layout the records are the policy reconciler's writes, and it reports the namespace's routes.
    if (!grouped || evaluation.namespacePolicy(route.getMetadata().getNamespace()).isEmpty()) {
      context.convergence().routeReconciled(ObjectKey.of(route), seen);
    }
  }

  /**
   * Existing objects by name among the route's own: under CONVERGE the planner has checked that no desired
   * name is taken by an object the route does not own (SPEC §3.10), so the owned ones are all there is.
   */
  private static GeneratedObjects.Lookup<DNSEndpoint> inOwned(List<DNSEndpoint> owned) {
    return (namespace, name) -> owned.stream().filter(endpoint -> endpoint.getMetadata().getName().equals(name)).findFirst();
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(), new AllPrimariesMapper<>(caches.routes())),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(), new AllPrimariesMapper<>(caches.routes())),
        Trigger.onSpecChange(DNSPolicy.class, caches.policies(), RoutesInNamespaceMapper.ofNamespacedObject(caches.routes())),
        Trigger.onSpecChange(Gateway.class, caches.gateways(), new RoutesOfGatewayMapper(caches.routes())),
        Trigger.itself(ServiceRoute.class, caches.routes(), context.statuses().echoes()),
        Trigger.onSpecChange(ServiceRoute.class, caches.routes(), new SharingIndexKeyMapper<>(caches.routes(), SnapshotIndexes.ROUTES_BY_HOSTNAME_PARTS)),
        Trigger.of(Namespace.class, caches.namespaces(), RoutesInNamespaceMapper.ofNamespace(caches.routes())),
        Trigger.of(DNSEndpoint.class, caches.dnsEndpoints(), new ControllerOwnerMapper<>("ServiceRoute"),
            new RoutesBehindForeignGroupMapper(caches.routes())));
  }
}
