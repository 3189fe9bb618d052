package io.servicerouter.operator.cache;

import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shared caches over in-memory informer stores with the production indexers, for tests without an API server. */
public final class InMemoryCaches {

  private final CacheImpl<ClusterIdentity> clusterIdentities = store(Map.of());
  private final CacheImpl<DNSConfiguration> dnsConfigurations = store(Map.of());
  private final CacheImpl<DNSPolicy> policies = store(SnapshotIndexes.namespaced());
  private final CacheImpl<io.servicerouter.model.routing.Gateway> gateways = store(SnapshotIndexes.gateways());
  private final CacheImpl<ServiceRoute> routes;
  private final CacheImpl<Service> services = store(SnapshotIndexes.services());
  private final CacheImpl<Namespace> namespaces = store(Map.of());
  private final CacheImpl<DNSEndpoint> dnsEndpoints = store(SnapshotIndexes.generated());
  private final CacheImpl<Gateway> istioGateways = store(SnapshotIndexes.generated());
  private final SharedCaches caches;

  /** Empty stores indexed for the given options. */
  public InMemoryCaches(Options options) {
    routes = store(SnapshotIndexes.routes(options));
    caches = new SharedCaches(KindCache.overIndexers(clusterIdentities), KindCache.overIndexers(dnsConfigurations),
        KindCache.overIndexers(policies), KindCache.overIndexers(gateways), KindCache.overIndexers(routes),
        KindCache.overIndexers(services), KindCache.overIndexers(namespaces), KindCache.overIndexers(dnsEndpoints),
        KindCache.overIndexers(istioGateways));
  }

  /** The shared caches reading these stores. */
  public SharedCaches caches() {
    return caches;
  }

  /** Puts (adds or replaces) objects into the store of their kind. */
  public InMemoryCaches put(HasMetadata... objects) {
    for (HasMetadata object : objects) {
      if (object instanceof ClusterIdentity o) {
        clusterIdentities.put(o);
      } else if (object instanceof DNSConfiguration o) {
        dnsConfigurations.put(o);
      } else if (object instanceof DNSPolicy o) {
        policies.put(o);
      } else if (object instanceof io.servicerouter.model.routing.Gateway o) {
        gateways.put(o);
      } else if (object instanceof ServiceRoute o) {
        routes.put(o);
      } else if (object instanceof Service o) {
        services.put(o);
      } else if (object instanceof Namespace o) {
        namespaces.put(o);
      } else if (object instanceof DNSEndpoint o) {
        dnsEndpoints.put(o);
      } else if (object instanceof Gateway o) {
        istioGateways.put(o);
      } else {
        throw new IllegalArgumentException(object.getKind());
      }
    }
    return this;
  }

  /** Removes objects from the store of their kind (only the kinds the tests delete). */
  public InMemoryCaches remove(HasMetadata... objects) {
    for (HasMetadata object : objects) {
      if (object instanceof ServiceRoute o) {
        routes.remove(o);
      } else if (object instanceof DNSEndpoint o) {
        dnsEndpoints.remove(o);
      } else {
        throw new IllegalArgumentException(object.getKind());
      }
    }
    return this;
  }

  private static <T extends HasMetadata> CacheImpl<T> store(Map<String, Function<T, List<String>>> indexers) {
    CacheImpl<T> cache = new CacheImpl<>(CacheImpl.NAMESPACE_INDEX, Cache::metaNamespaceIndexFunc, Cache::metaNamespaceKeyFunc);
    cache.addIndexers(indexers);
    return cache;
  }
}
