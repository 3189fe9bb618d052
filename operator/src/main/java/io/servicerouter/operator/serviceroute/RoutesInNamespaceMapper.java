package io.servicerouter.operator.serviceroute;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Set;
import java.util.function.Function;

/**
 * The ServiceRoutes of one namespace: a DNSPolicy change reaches its namespace's routes, and a Namespace
 * label change reaches the routes whose admission it decides.
 *
 * @param <T> the kind of the changed object
 */
public final class RoutesInNamespaceMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<ServiceRoute> routes;
  private final Function<T, String> namespaceOf;

  private RoutesInNamespaceMapper(KindCache<ServiceRoute> routes, Function<T, String> namespaceOf) {
    this.routes = routes;
    this.namespaceOf = namespaceOf;
  }

  /** Routes in the namespace of a namespaced object (a DNSPolicy). */
  public static <T extends HasMetadata> RoutesInNamespaceMapper<T> ofNamespacedObject(KindCache<ServiceRoute> routes) {
    return new RoutesInNamespaceMapper<>(routes, object -> object.getMetadata().getNamespace());
  }

  /** Routes in a Namespace. */
  public static RoutesInNamespaceMapper<Namespace> ofNamespace(KindCache<ServiceRoute> routes) {
    return new RoutesInNamespaceMapper<>(routes, namespace -> namespace.getMetadata().getName());
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    return ResourceIds.of(routes.byIndex(SnapshotIndexes.BY_NAMESPACE, namespaceOf.apply(object)));
  }
}
