package io.servicerouter.operator.clusteridentity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.Age;
import io.servicerouter.planner.Snapshot;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot equal to another one except that one ClusterIdentity adopts the given regions: the inputs as
 * they were before an adoption change, so that the DNSEndpoints a change adds or removes (SPEC §3.11
 * {@code <n>}) are a pure function of the desired states, independent of what other reconcilers already
 * deleted.
 */
final class PreviousAdoption implements Snapshot {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Snapshot current;
  private final List<ClusterIdentity> identities;

  /**
   * @param current the snapshot of now
   * @param identity the ClusterIdentity whose adoption changed
   * @param adoptsRegions the regions it adopted before
   */
  PreviousAdoption(Snapshot current, ClusterIdentity identity, List<String> adoptsRegions) {
    this.current = current;
    ClusterIdentity previous = SERIALIZATION.clone(identity);
    previous.getSpec().setAdoptsRegions(adoptsRegions.isEmpty() ? null : List.copyOf(adoptsRegions));
    this.identities = current.clusterIdentities().stream()
        .map(each -> each.getMetadata().getName().equals(identity.getMetadata().getName()) ? previous : each)
        .toList();
  }

  @Override
  public Collection<ClusterIdentity> clusterIdentities() {
    return identities;
  }

  @Override
  public Collection<DNSConfiguration> dnsConfigurations() {
    return current.dnsConfigurations();
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
