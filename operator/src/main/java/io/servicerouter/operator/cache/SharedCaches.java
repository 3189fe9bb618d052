package io.servicerouter.operator.cache;

import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.SnapshotIndexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one set of informers of the operator (SPEC §3.1 inputs plus the generated objects), shared by all
 * reconcilers and event sources: created once, started before the controllers and waited for until synced,
 * so that nothing is written from a partial view.
 */
public final class SharedCaches implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedCaches.class);
  /**
   * Only Services carrying this label are cached: the planner reads LoadBalancer Services labelled
   * {@code istio=<controller>} (SPEC §3.7), and a cluster has many more Services than ingress gateways. A Service
   * that loses the label leaves the cache as if deleted, which is what it then is for the planner.
   */
  public static final String ISTIO_LABEL = "istio";

  private final KindCache<ClusterIdentity> clusterIdentities;
  private final KindCache<DNSConfiguration> dnsConfigurations;
  private final KindCache<DNSPolicy> policies;
  private final KindCache<io.servicerouter.model.routing.Gateway> gateways;
  private final KindCache<ServiceRoute> routes;
  private final KindCache<Service> services;
  private final KindCache<Namespace> namespaces;
  private final KindCache<DNSEndpoint> dnsEndpoints;
  private final KindCache<Gateway> istioGateways;
  private final Map<Watch, SharedIndexInformer<?>> byWatch;

  /** Assembles caches; use {@link #create} for informer-backed ones. */
  public SharedCaches(KindCache<ClusterIdentity> clusterIdentities, KindCache<DNSConfiguration> dnsConfigurations,
      KindCache<DNSPolicy> policies, KindCache<io.servicerouter.model.routing.Gateway> gateways,
      KindCache<ServiceRoute> routes, KindCache<Service> services, KindCache<Namespace> namespaces,
      KindCache<DNSEndpoint> dnsEndpoints, KindCache<Gateway> istioGateways) {
    this(clusterIdentities, dnsConfigurations, policies, gateways, routes, services, namespaces, dnsEndpoints,
        istioGateways, Map.of());
  }

  private SharedCaches(KindCache<ClusterIdentity> clusterIdentities, KindCache<DNSConfiguration> dnsConfigurations,
      KindCache<DNSPolicy> policies, KindCache<io.servicerouter.model.routing.Gateway> gateways,
      KindCache<ServiceRoute> routes, KindCache<Service> services, KindCache<Namespace> namespaces,
      KindCache<DNSEndpoint> dnsEndpoints, KindCache<Gateway> istioGateways,
      Map<Watch, SharedIndexInformer<?>> byWatch) {
    this.byWatch = Map.copyOf(byWatch);
    this.clusterIdentities = clusterIdentities;
    this.dnsConfigurations = dnsConfigurations;
    this.policies = policies;
    this.gateways = gateways;
    this.routes = routes;
    this.services = services;
    this.namespaces = namespaces;
    this.dnsEndpoints = dnsEndpoints;
    this.istioGateways = istioGateways;
  }

  /** Creates (does not start) the informers with their indexers. */
  public static SharedCaches create(KubernetesClient client, WatchScope scope, Options options) {
    InformerFactory factory = new InformerFactory(client, scope, new HashMap<>());
    return new SharedCaches(
        factory.clusterWide(ClusterIdentity.class, Map.of()),
        factory.clusterWide(DNSConfiguration.class, Map.of()),
        factory.scoped(DNSPolicy.class, SnapshotIndexes.namespaced()),
        factory.scoped(io.servicerouter.model.routing.Gateway.class, SnapshotIndexes.gateways()),
        factory.scoped(ServiceRoute.class, SnapshotIndexes.routes(options)),
        factory.labelled(Service.class, ISTIO_LABEL, SnapshotIndexes.services()),
        factory.clusterWide(Namespace.class, Map.of()),
        factory.scoped(DNSEndpoint.class, SnapshotIndexes.generated()),
        factory.scoped(Gateway.class, SnapshotIndexes.generated()),
        factory.byWatch());
  }

  /**
   * The shared informer that watches {@code type} in {@code namespace} with {@code labelSelector}, if there is one:
   * what a controller's informer with the same watch can be instead of a second list and watch of the same objects.
   *
   * @param namespace the namespace, or null for all namespaces (and for cluster-scoped kinds)
   * @param labelSelector the label selector, or null for none
   */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> Optional<SharedIndexInformer<T>> informer(Class<T> type, String namespace,
      String labelSelector) {
    return Optional.ofNullable((SharedIndexInformer<T>) byWatch.get(new Watch(type, namespace, labelSelector)));
  }

  /** Whether some shared informer watches {@code type}. */
  public boolean watches(Class<?> type) {
    return byWatch.keySet().stream().anyMatch(watch -> watch.type() == type);
  }

  /** Every ClusterIdentity. */
  public KindCache<ClusterIdentity> clusterIdentities() {
    return clusterIdentities;
  }

  /** Every DNSConfiguration. */
  public KindCache<DNSConfiguration> dnsConfigurations() {
    return dnsConfigurations;
  }

  /** DNSPolicies of the watched namespaces. */
  public KindCache<DNSPolicy> policies() {
    return policies;
  }

  /** Routing Gateways of the watched namespaces. */
  public KindCache<io.servicerouter.model.routing.Gateway> gateways() {
    return gateways;
  }

  /** ServiceRoutes of the watched namespaces. */
  public KindCache<ServiceRoute> routes() {
    return routes;
  }

  /** The Services labelled {@code istio} (LoadBalancer ones are indexed by that label). */
  public KindCache<Service> services() {
    return services;
  }

  /** Every Namespace (labels for allowedRoutes). */
  public KindCache<Namespace> namespaces() {
    return namespaces;
  }

  /** DNSEndpoints of the watched namespaces (route and address records, and foreign ones for §3.10). */
  public KindCache<DNSEndpoint> dnsEndpoints() {
    return dnsEndpoints;
  }

  /** Istio Gateways of the watched namespaces (owned ones and foreign ones for the conflict check). */
  public KindCache<Gateway> istioGateways() {
    return istioGateways;
  }

  /** Starts every informer and waits until all have listed their objects. */
  public void startAndAwaitSync(Duration timeout) throws Exception {
    List<CompletableFuture<Void>> started = informers().map(informer -> informer.start().toCompletableFuture()).toList();
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("shared caches synced ({} informers)", started.size());
  }

  /** Whether no informer has stopped (a stopped informer never restarts its watch). */
  public boolean running() {
    return informers().allMatch(SharedIndexInformer::isRunning);
  }

  /** Whether every informer has synced. */
  public boolean synced() {
    return informers().allMatch(SharedIndexInformer::hasSynced);
  }

  /** Registers a handler that forgets memoized validation results of deleted objects. */
  public void forgetDeleted(SchemaProblemCache problems) {
    DeletionHandler<HasMetadata> handler = new DeletionHandler<>(problems::forget);
    Stream.of(clusterIdentities, dnsConfigurations, policies, gateways, routes)
        .forEach(cache -> cache.addEventHandler(handler));
  }

  @Override
  public void close() {
    informers().forEach(SharedIndexInformer::close);
  }

  private Stream<SharedIndexInformer<? extends HasMetadata>> informers() {
    return Stream.of(clusterIdentities, dnsConfigurations, policies, gateways, routes, services, namespaces,
            dnsEndpoints, istioGateways)
        .flatMap(cache -> cache.informers().stream());
  }

  /** What an informer lists and watches: a kind, a namespace (null: all) and a label selector (null: none). */
  private record Watch(Class<?> type, String namespace, String labelSelector) {
  }

  /** Creates unstarted informers honouring the watch scope, and records what each watches. */
  private record InformerFactory(KubernetesClient client, WatchScope scope,
      Map<Watch, SharedIndexInformer<?>> byWatch) {

    <T extends HasMetadata> KindCache<T> clusterWide(Class<T> type, Map<String, Function<T, List<String>>> indexers) {
      return KindCache.of(List.of(recorded(new Watch(type, null, null),
          indexed(client.resources(type).runnableInformer(0), indexers))));
    }

    <T extends HasMetadata> KindCache<T> allNamespaces(Class<T> type, Map<String, Function<T, List<String>>> indexers) {
      return KindCache.of(List.of(recorded(new Watch(type, null, null),
          indexed(client.resources(type).inAnyNamespace().runnableInformer(0), indexers))));
    }

    <T extends HasMetadata> KindCache<T> labelled(Class<T> type, String label,
        Map<String, Function<T, List<String>>> indexers) {
      return KindCache.of(List.of(recorded(new Watch(type, null, label),
          indexed(client.resources(type).inAnyNamespace().withLabel(label).runnableInformer(0), indexers))));
    }

    <T extends HasMetadata> KindCache<T> scoped(Class<T> type, Map<String, Function<T, List<String>>> indexers) {
      if (scope.all()) {
        return allNamespaces(type, indexers);
      }
      List<SharedIndexInformer<T>> informers = new ArrayList<>();
      for (String namespace : scope.namespaces()) {
        informers.add(recorded(new Watch(type, namespace, null),
            indexed(client.resources(type).inNamespace(namespace).runnableInformer(0), indexers)));
      }
      return KindCache.of(informers);
    }

    private <T extends HasMetadata> SharedIndexInformer<T> recorded(Watch watch, SharedIndexInformer<T> informer) {
      byWatch.put(watch, informer);
      return informer;
    }

    /** The informer with its indexers, keeping trimmed objects ({@link LeanItemStore}). */
    private static <T extends HasMetadata> SharedIndexInformer<T> indexed(SharedIndexInformer<T> informer,
        Map<String, Function<T, List<String>>> indexers) {
      informer.itemStore(LeanItemStore.withoutManagedFields());
      return indexers.isEmpty() ? informer : informer.addIndexers(indexers);
    }
  }
}
