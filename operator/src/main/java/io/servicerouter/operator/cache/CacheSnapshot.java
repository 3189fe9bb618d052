package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.Age;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.Snapshot;
import io.servicerouter.planner.SpecProblems;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The planner's {@link Snapshot} answered from the shared informer caches and their indexes, so that a
 * reconcile evaluates only what its primary depends on. Objects being deleted are never returned.
 */
public final class CacheSnapshot implements Snapshot, Snapshot.ExistingObjects {

  private static final Age AGE = Age.byCreation();

  private final SharedCaches caches;
  private final SpecProblems problems;

  /** A snapshot over the caches, validating input objects with {@code problems}. */
  public CacheSnapshot(SharedCaches caches, SpecProblems problems) {
    this.caches = caches;
    this.problems = problems;
  }

  @Override
  public Collection<ClusterIdentity> clusterIdentities() {
    return caches.clusterIdentities().list();
  }

  @Override
  public Collection<DNSConfiguration> dnsConfigurations() {
    return caches.dnsConfigurations().list();
  }

  @Override
  public Collection<DNSPolicy> policies() {
    return caches.policies().list();
  }

  @Override
  public Collection<DNSPolicy> policiesIn(String namespace) {
    return caches.policies().byIndex(Indexes.BY_NAMESPACE, namespace);
  }

  @Override
  public Collection<Gateway> gateways() {
    return caches.gateways().list();
  }

  @Override
  public Optional<Gateway> gateway(String namespace, String name) {
    return caches.gateways().get(namespace, name);
  }

  @Override
  public Collection<Gateway> gatewaysWithPostfix(String targetPostfix) {
    return caches.gateways().byIndex(Indexes.GATEWAYS_BY_POSTFIX, targetPostfix);
  }

  @Override
  public Collection<ServiceRoute> routes() {
    return caches.routes().list();
  }

  @Override
  public Optional<ServiceRoute> route(String namespace, String name) {
    return caches.routes().get(namespace, name);
  }

  @Override
  public Collection<ServiceRoute> routesOfGateway(String gatewayNamespace, String gatewayName) {
    return caches.routes().byIndex(Indexes.ROUTES_BY_GATEWAY, Indexes.key(new ObjectKey(gatewayNamespace, gatewayName)));
  }

  @Override
  public Collection<ServiceRoute> routesWithHostnameParts(String serviceName, String environment, String application) {
    return caches.routes().byIndex(Indexes.ROUTES_BY_HOSTNAME_PARTS,
        Indexes.hostnamePartsKey(List.of(serviceName, environment, application)));
  }

  @Override
  public Collection<Service> loadBalancerServices(String istioController) {
    return caches.services().byIndex(Indexes.SERVICES_BY_ISTIO, istioController);
  }

  @Override
  public Optional<Namespace> namespace(String name) {
    return caches.namespaces().get(null, name);
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
  public Optional<io.fabric8.istio.api.networking.v1.Gateway> istioGateway(String namespace, String name) {
    return caches.istioGateways().get(namespace, name);
  }

  @Override
  public Age age() {
    return AGE;
  }

  @Override
  public List<String> schemaProblems(HasMetadata object) {
    return problems.of(object);
  }
}
