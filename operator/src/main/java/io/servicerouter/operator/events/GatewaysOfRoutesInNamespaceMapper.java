package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.planner.Options;
import java.util.HashSet;
import java.util.Set;

/**
 * The Gateways of the routes of one namespace: a DNSPolicy or Namespace label change can change which of
 * those routes a Gateway lists and counts.
 *
 * @param <T> the kind of the changed object
 */
public final class GatewaysOfRoutesInNamespaceMapper<T extends HasMetadata> implements PrimaryMapper<T> {

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
  public Set<ResourceID> primaries(T object) {
    Set<ResourceID> result = new HashSet<>();
    for (ResourceID id : routesInNamespace.primaries(object)) {
      routes.get(id.getNamespace().orElse(null), id.getName())
          .ifPresent(route -> result.addAll(gatewayOfRoute.primaries(route)));
    }
    return result;
  }
}
