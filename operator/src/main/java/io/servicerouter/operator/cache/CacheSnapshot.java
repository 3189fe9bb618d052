package io.servicerouter.operator.cache;

import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.Age;
import io.servicerouter.planner.Generated;
import io.servicerouter.planner.IndexedSnapshot;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.Snapshot;
import io.servicerouter.planner.SnapshotIndexes;
import io.servicerouter.planner.SpecProblems;
import java.util.List;
import java.util.Optional;

/**
 * The planner's {@link Snapshot} over the shared informer caches, which carry the same indexes as
 * {@code render}'s in-memory snapshot, so that a reconcile evaluates only what its primary depends on; it also
 * knows the generated objects that exist. Objects being deleted are never returned.
 */
public final class CacheSnapshot extends IndexedSnapshot implements Snapshot.ExistingObjects {

  private final SharedCaches caches;

  /** A snapshot over the caches, validating input objects with {@code problems}. */
  public CacheSnapshot(SharedCaches caches, SpecProblems problems) {
    super(new Stores(caches.clusterIdentities(), caches.dnsConfigurations(), caches.policies(), caches.gateways(),
        caches.routes(), caches.services(), caches.namespaces()), Age.byCreation(), problems);
    this.caches = caches;
  }

  @Override
  public Optional<ExistingObjects> existing() {
    return Optional.of(this);
  }

  @Override
  public Optional<DNSEndpoint> dnsEndpoint(String namespace, String name) {
    return caches.dnsEndpoints().get(namespace, name);
  }

  @Override
  public List<DNSEndpoint> routeEndpoints(ServiceRoute route) {
    return caches.dnsEndpoints().byIndex(SnapshotIndexes.ENDPOINTS_BY_ROUTE, SnapshotIndexes.key(ObjectKey.of(route)))
        .stream()
        .filter(endpoint -> Generated.isControlledBy(endpoint, route))
        .toList();
  }

  @Override
  public List<DNSEndpoint> routeGroups(String namespace) {
    return caches.dnsEndpoints().byIndex(SnapshotIndexes.ROUTE_GROUPS_BY_NAMESPACE, namespace);
  }

  @Override
  public Optional<io.fabric8.istio.api.networking.v1.Gateway> istioGateway(String namespace, String name) {
    return caches.istioGateways().get(namespace, name);
  }
}
