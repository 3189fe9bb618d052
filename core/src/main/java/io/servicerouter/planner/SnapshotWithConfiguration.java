package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of another snapshot with other cluster-scoped configuration (ClusterIdentities and
 * DNSConfigurations): the inputs as they were before a configuration change, so that what the change did
 * (the DNSEndpoints a failover adds, the routes a convergence waits for) is a pure function of two desired
 * states.
 */
public final class SnapshotWithConfiguration implements Snapshot {

  private final Snapshot current;
  private final List<ClusterIdentity> identities;
  private final List<DNSConfiguration> configurations;

  /**
   * @param current the snapshot whose other inputs are used
   * @param identities the ClusterIdentities instead of the current ones
   * @param configurations the DNSConfigurations instead of the current ones
   */
  public SnapshotWithConfiguration(Snapshot current, Collection<ClusterIdentity> identities,
      Collection<DNSConfiguration> configurations) {
    this.current = current;
    this.identities = List.copyOf(identities);
    this.configurations = List.copyOf(configurations);
  }

  @Override
  public Collection<ClusterIdentity> clusterIdentities() {
    return identities;
  }

  @Override
  public Collection<DNSConfiguration> dnsConfigurations() {
    return configurations;
  }

  @Override
  public Collection<DNSPolicy> policies() {
    return current.policies();
  }

  @Override
  public Collection<DNSPolicy> policiesIn(String namespace) {
    return current.policiesIn(namespace);
  }

  @Override
  public Collection<Gateway> gateways() {
    return current.gateways();
  }

  @Override
  public Optional<Gateway> gateway(String namespace, String name) {
    return current.gateway(namespace, name);
  }

  @Override
  public Collection<Gateway> gatewaysWithPostfix(String targetPostfix) {
    return current.gatewaysWithPostfix(targetPostfix);
  }

  @Override
  public Collection<ServiceRoute> routes() {
    return current.routes();
  }

  @Override
  public Optional<ServiceRoute> route(String namespace, String name) {
    return current.route(namespace, name);
  }

  @Override
  public Collection<ServiceRoute> routesIn(String namespace) {
    return current.routesIn(namespace);
  }

  @Override
  public Collection<ServiceRoute> routesOfGateway(String gatewayNamespace, String gatewayName) {
    return current.routesOfGateway(gatewayNamespace, gatewayName);
  }

  @Override
  public Collection<ServiceRoute> routesWithHostnameParts(String serviceName, String environment, String application) {
    return current.routesWithHostnameParts(serviceName, environment, application);
  }

  @Override
  public Collection<Service> loadBalancerServices(String istioController) {
    return current.loadBalancerServices(istioController);
  }

  @Override
  public Optional<Namespace> namespace(String name) {
    return current.namespace(name);
  }

  @Override
  public Optional<ExistingObjects> existing() {
    return current.existing();
  }

  @Override
  public Age age() {
    return current.age();
  }

  @Override
  public List<String> schemaProblems(HasMetadata object) {
    return current.schemaProblems(object);
  }
}
