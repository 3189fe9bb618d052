package io.servicerouter.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.operator.lifecycle.Manifests;
import io.servicerouter.planner.AddressRecordsMode;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import io.servicerouter.testsupport.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The inputs of a failover under faults, made by the admin: the cluster aks01 of region neu (controllers of weu and
 * neu), one internal Gateway with a LoadBalancer address, and {@code namespaces × routesPerNamespace} routes in
 * Active mode, from the manifests under {@code /writes/}. {@link #failover()} makes this cluster adopt weu, which
 * adds a weu record to every route. Names are unique per instance. Closing deletes everything and waits for the
 * namespaces to be gone, so the next case can create its own ClusterIdentity (one per cluster).
 */
final class FailoverInputs implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final KubernetesClient client;
  private final DnsEndpointLayout layout;
  private final String suffix = String.format("%05x", ThreadLocalRandom.current().nextInt(0x100000));
  private final List<TestNamespace> namespaces = new ArrayList<>();
  private final List<HasMetadata> clusterScoped = new ArrayList<>();
  private final TestNamespace gateways;

  private FailoverInputs(KubernetesClient client, DnsEndpointLayout layout) {
    this.client = client;
    this.layout = layout;
    this.gateways = namespace("gw");
  }

  /** Creates the inputs with {@code client} (an admin). */
  static FailoverInputs create(KubernetesClient client, DnsEndpointLayout layout, int namespaceCount,
      int routesPerNamespace) {
    FailoverInputs inputs = new FailoverInputs(client, layout);
    try {
      inputs.createAll(namespaceCount, routesPerNamespace);
      return inputs;
    } catch (RuntimeException e) {
      inputs.close();
      throw e;
    }
  }

  private void createAll(int namespaceCount, int routesPerNamespace) {
    ClusterIdentity identity = Manifests.load("/writes/cluster-identity.yaml", ClusterIdentity.class);
    identity.getSpec().setRegion("neu");
    clusterScoped.add(client.resource(identity).create());
    clusterScoped.add(create("dns-configuration.yaml", DNSConfiguration.class));
    create("gateway.yaml", Gateway.class, gateways.name(), controller());
    Service loadBalancer = create("load-balancer-service.yaml", Service.class, gateways.name(), controller());
    loadBalancer.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("10.1.2.3")
        .endIngress().endLoadBalancer().build());
    client.resource(loadBalancer).updateStatus();
    for (int n = 0; n < namespaceCount; n++) {
      TestNamespace app = namespace("fa");
      create("dns-policy.yaml", DNSPolicy.class, app.name());
      for (int r = 0; r < routesPerNamespace; r++) {
        route(app.name(), "svc" + r);
      }
    }
  }

  /**
   * Creates the ServiceRoute {@code namespace/name} for Service {@code name} behind the Gateway. The application is
   * the namespace's (unique) name: a hostname leaves the namespace out (SPEC §3.8), so routes of the same name in
   * two namespaces with one application would conflict, and only the older namespace's would publish records.
   */
  private void route(String namespace, String name) {
    create("service-route.yaml", ServiceRoute.class, name, namespace, name, "default-gateway", namespace);
  }

  /** The settings of an operator for these inputs: their namespaces only, with leader election if asked. */
  OperatorSettings settings(boolean leaderElection) {
    return new OperatorSettings(new WatchScope(namespaceNames()), options(), 4,
        leaderElection ? Optional.of(lease()) : Optional.empty());
  }

  /** The planner options these inputs are planned with. */
  Options options() {
    return new Options(gateways.name(), AddressRecordsMode.ACTIVE, layout);
  }

  /** The Lease of leader election of operators for these inputs. */
  OperatorSettings.Lease lease() {
    return new OperatorSettings.Lease("servicerouter-" + suffix, gateways.name());
  }


  /** Every namespace of these inputs. */
  List<String> namespaceNames() {
    return namespaces.stream().map(TestNamespace::name).toList();
  }

  /** Makes the cluster adopt region weu (the failover's one edit); returns the ClusterIdentity's new generation. */
  long failover() {
    ClusterIdentity edited = client.resources(ClusterIdentity.class).withName("cluster-identity")
        .edit(identity -> {
          identity.getSpec().setAdoptsRegions(List.of("weu"));
          return identity;
        });
    return edited.getMetadata().getGeneration();
  }

  @Override
  public void close() {
    clusterScoped.forEach(object -> client.resource(object).delete());
    namespaces.forEach(TestNamespace::close);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      namespaces.forEach(namespace ->
          assertThat(client.namespaces().withName(namespace.name()).get()).as(namespace.name()).isNull());
      assertThat(client.resources(ClusterIdentity.class).list().getItems()).isEmpty();
    });
  }

  private String controller() {
    return "ingress-" + suffix;
  }

  private TestNamespace namespace(String prefix) {
    TestNamespace namespace = TestNamespace.create(client, prefix);
    namespaces.add(namespace);
    return namespace;
  }

  private <T extends HasMetadata> T create(String file, Class<T> type, Object... values) {
    return client.resource(Manifests.load("/writes/" + file, type, values)).create();
  }

  /** The labels of a route's records, for listing them. */
  static Map<String, String> managed() {
    return Map.of(Labels.MANAGED_BY, Labels.OPERATOR_NAME);
  }
}
