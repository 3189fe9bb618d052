package io.servicerouter.operator.gateway;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.events.AllPrimariesMapper;
import io.servicerouter.operator.events.ControllerOwnerMapper;
import io.servicerouter.operator.events.SharingIndexKeyMapper;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.GatewayResult;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.List;

/**
 * Reconciles a routing Gateway (SPEC §3.7): converges, deletes or keeps its Istio Gateway as the planner
 * decides, and stores the planner's status.
 */
public final class GatewayReconciler extends PlannedReconciler<Gateway> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "gateway";

  /** A reconciler over the shared context. */
  public GatewayReconciler(OperatorContext context) {
    super(context, KIND, context.caches().gateways());
  }

  @Override
  protected void reconcile(Gateway gateway, CacheSnapshot snapshot, Evaluation evaluation) {
    GatewayResult result = evaluation.gateway(gateway);
    switch (result.action()) {
      case CONVERGE -> context.generated().apply(result.desired(), result.owned());
      case DELETE -> result.owned().ifPresent(context.generated()::delete);
      case KEEP -> { }
    }
    context.statuses().write(gateway, result.status());
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(), new AllPrimariesMapper<>(caches.gateways())),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(), new AllPrimariesMapper<>(caches.gateways())),
        Trigger.onSpecChange(DNSPolicy.class, caches.policies(),
            GatewaysOfRoutesInNamespaceMapper.ofNamespacedObject(caches.routes(), context.options())),
        Trigger.of(Namespace.class, caches.namespaces(),
            GatewaysOfRoutesInNamespaceMapper.ofNamespace(caches.routes(), context.options())),
        Trigger.itself(Gateway.class, caches.gateways(), context.statuses().echoes()),
        Trigger.onSpecChange(Gateway.class, caches.gateways(), new SharingIndexKeyMapper<>(caches.gateways(), SnapshotIndexes.GATEWAYS_BY_POSTFIX)),
        Trigger.onSpecChange(ServiceRoute.class, caches.routes(), new GatewayOfRouteMapper(context.options())),
        Trigger.of(Service.class, caches.services(), GatewaysOfIstioControllerMapper.ofService(caches.gateways())),
        Trigger.of(DNSEndpoint.class, caches.dnsEndpoints(),
            GatewaysOfIstioControllerMapper.<DNSEndpoint>ofAddressEndpoint(caches.gateways())),
        Trigger.of(io.fabric8.istio.api.networking.v1.Gateway.class, caches.istioGateways(),
            new ControllerOwnerMapper<>("Gateway")));
  }
}
