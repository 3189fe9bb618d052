package io.servicerouter.operator.dnspolicy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The DNSPolicies of the namespaces whose grouped route records (SPEC §4.6) a change may alter: the policy
 * reconciler writes a namespace's groups. In the route layout only namespaces that still hold group objects are
 * reached (their groups are being retired), so the mapper costs nothing once a switch is complete.
 *
 * @param <T> the kind of the changed object
 */
public final class RouteGroupPoliciesMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final SharedCaches caches;
  private final boolean grouped;
  private final Function<T, Set<String>> namespaces;

  private RouteGroupPoliciesMapper(SharedCaches caches, boolean grouped, Function<T, Set<String>> namespaces) {
    this.caches = caches;
    this.grouped = grouped;
    this.namespaces = namespaces;
  }

  /** The policies of a namespaced object's namespace (a ServiceRoute, a route or group DNSEndpoint). */
  public static <T extends HasMetadata> RouteGroupPoliciesMapper<T> ofNamespacedObject(SharedCaches caches,
      boolean grouped) {
    return new RouteGroupPoliciesMapper<>(caches, grouped, object -> Set.of(object.getMetadata().getNamespace()));
  }

  /** The policies of a Namespace (its labels decide Gateway admission). */
  public static RouteGroupPoliciesMapper<Namespace> ofNamespace(SharedCaches caches, boolean grouped) {
    return new RouteGroupPoliciesMapper<>(caches, grouped, namespace -> Set.of(namespace.getMetadata().getName()));
  }

  /** The policies of the namespaces of the routes {@code routes} maps a change to. */
  public static <T extends HasMetadata> RouteGroupPoliciesMapper<T> ofRoutes(SharedCaches caches, boolean grouped,
      SecondaryToPrimaryMapper<T> routes) {
    return new RouteGroupPoliciesMapper<>(caches, grouped, object -> {
      Set<String> result = new HashSet<>();
      routes.toPrimaryResourceIDs(object).forEach(id -> id.getNamespace().ifPresent(result::add));
      return result;
    });
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    Set<ResourceID> result = new HashSet<>();
    for (String namespace : namespaces.apply(object)) {
      if (grouped || !caches.dnsEndpoints().byIndex(SnapshotIndexes.ROUTE_GROUPS_BY_NAMESPACE, namespace).isEmpty()) {
        result.addAll(ResourceIds.of(caches.policies().byIndex(SnapshotIndexes.BY_NAMESPACE, namespace)));
      }
    }
    return result;
  }
}
