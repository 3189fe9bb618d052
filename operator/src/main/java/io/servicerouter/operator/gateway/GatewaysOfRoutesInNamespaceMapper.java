package io.servicerouter.operator.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.serviceroute.RoutesInNamespaceMapper;
import io.servicerouter.planner.Options;
import java.util.HashSet;
import java.util.Set;

/**
 * The Gateways of the routes of one namespace: a DNSPolicy or Namespace label change can change which of
 * those routes a Gateway lists and counts.
 *
 * @param <T> the kind of the changed object
 */
public final class GatewaysOfRoutesInNamespaceMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<ServiceRoute> routes;
  private final RoutesInNamespaceMapper<T> routesInNamespace;
  private final GatewayOfRouteMapper gatewayOfRoute;

  private GatewaysOfRoutesInNamespaceMapper(KindCache<ServiceRoute> routes, RoutesInNamespaceMapper<T> routesInNamespace,
      Options options) {
    this.routes = routes;
    this.routesInNamespace = routesInNamespace;
    this.gatewayOfRoute = new GatewayOfRouteMapper(options);
  }

  /** For a namespaced object (a DNSPolicy). */
  public static <T extends HasMetadata> GatewaysOfRoutesInNamespaceMapper<T> ofNamespacedObject(
      KindCache<ServiceRoute> routes, Options options) {
    return new GatewaysOfRoutesInNamespaceMapper<>(routes, RoutesInNamespaceMapper.ofNamespacedObject(routes), options);
  }

  /** For a Namespace. */
  public static GatewaysOfRoutesInNamespaceMapper<Namespace> ofNamespace(KindCache<ServiceRoute> routes, Options options) {
    return new GatewaysOfRoutesInNamespaceMapper<>(routes, RoutesInNamespaceMapper.ofNamespace(routes), options);
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    Set<ResourceID> result = new HashSet<>();
    for (ResourceID id : routesInNamespace.toPrimaryResourceIDs(object)) {
      routes.get(id.getNamespace().orElse(null), id.getName())
          .ifPresent(route -> result.addAll(gatewayOfRoute.toPrimaryResourceIDs(route)));
    }
    return result;
  }
}
