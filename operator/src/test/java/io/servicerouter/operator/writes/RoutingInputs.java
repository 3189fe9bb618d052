package io.servicerouter.operator.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.operator.lifecycle.Manifests;
import io.servicerouter.planner.AddressRecordsMode;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The inputs of the write-count tests, made by the admin: SPEC §4.5 E1 (region weu, controllers weu and neu, one
 * internal Gateway) plus routes in three namespaces, among them one that loses its hostname to an older route
 * (Failed, HostnameConflict) and one whose Gateway does not exist (Pending, GatewayNotFound), and a LoadBalancer
 * Service with an IP (the Gateway's address record), from the manifests under {@code /writes/}. Names are unique
 * per instance (random namespace suffixes, application and Gateway controller), so leftovers of other tests never
 * match them. Operators for these inputs start with {@link #startOperator}. Closing deletes everything and waits
 * for the namespaces to be gone.
 */
final class RoutingInputs implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final ControlPlane controlPlane;
  private final KubernetesClient client;
  private final String suffix = String.format("%05x", ThreadLocalRandom.current().nextInt(0x100000));
  private final List<TestNamespace> namespaces = new ArrayList<>();
  private final List<HasMetadata> clusterScoped = new ArrayList<>();
  private final TestNamespace gateways;
  private final List<TestNamespace> apps = new ArrayList<>();
  private final DnsEndpointLayout layout;

  private RoutingInputs(ControlPlane controlPlane, DnsEndpointLayout layout) {
    this.layout = layout;
    this.controlPlane = controlPlane;
    this.client = controlPlane.client();
    this.gateways = namespace("gw");
  }

  /** Creates the inputs (not the operator's outputs) with the control plane's admin client. */
  static RoutingInputs create(ControlPlane controlPlane) {
    return create(controlPlane, DnsEndpointLayout.ROUTE);
  }

  /** {@link #create(ControlPlane)} for operators that write route records in {@code layout}. */
  static RoutingInputs create(ControlPlane controlPlane, DnsEndpointLayout layout) {
    RoutingInputs inputs = new RoutingInputs(controlPlane, layout);
    try {
      inputs.createAll();
      return inputs;
    } catch (RuntimeException e) {
      inputs.close();
      throw e;
    }
  }

  private void createAll() {
    for (String prefix : List.of("wa", "wb", "wc")) {
      apps.add(namespace(prefix));
    }
    clusterScoped.add(create("cluster-identity.yaml", ClusterIdentity.class));
    clusterScoped.add(create("dns-configuration.yaml", DNSConfiguration.class));
    create("gateway.yaml", Gateway.class, gateways.name(), controller());
    Service loadBalancer = create("load-balancer-service.yaml", Service.class, gateways.name(), controller());
    loadBalancer.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("10.1.2.3")
        .endIngress().endLoadBalancer().build());
    client.resource(loadBalancer).updateStatus();
    for (TestNamespace app : apps) {
      create("dns-policy.yaml", DNSPolicy.class, app.name());
    }
    route(apps.get(0), "web", "web", "default-gateway");
    route(apps.get(0), "api", "api", "default-gateway");
    route(apps.get(1), "shop", "shop", "default-gateway");
    route(apps.get(1), "admin", "admin", "default-gateway");
    route(apps.get(2), "duplicate", "shop", "default-gateway");
    route(apps.get(2), "lost", "lost", "missing-gateway");
  }

  /** Creates a ServiceRoute {@code namespace/name} for Service {@code service} behind Gateway {@code gateway}. */
  ServiceRoute route(TestNamespace namespace, String name, String service, String gateway) {
    return create("service-route.yaml", ServiceRoute.class, name, namespace.name(), service, gateway, application());
  }

  /**
   * Starts an operator as {@code user} (see {@link OperatorInstance#start}) watching only these inputs'
   * namespaces, optionally with leader election.
   */
  OperatorInstance startOperator(String user, boolean leaderElection) throws Exception {
    return OperatorInstance.start(controlPlane, user, settings(leaderElection));
  }

  private OperatorSettings settings(boolean leaderElection) {
    List<String> watched = namespaces.stream().map(TestNamespace::name).toList();
    Optional<OperatorSettings.Lease> lease = leaderElection
        ? Optional.of(new OperatorSettings.Lease("servicerouter-" + suffix, gateways.name()))
        : Optional.empty();
    return new OperatorSettings(new WatchScope(watched), new Options(gateways.name(), AddressRecordsMode.ACTIVE, layout), 4, lease);
  }

  /** The application namespaces, in creation order. */
  List<TestNamespace> apps() {
    return apps;
  }

  /**
   * The Ready reasons the routes must reach, by {@code namespace/name}: four Active routes, one that lost its
   * hostname to the older {@code shop} route and one whose Gateway is missing.
   */
  Map<String, String> expectedReasons() {
    return Map.of(
        key(0, "web"), Vocabulary.RECONCILIATION_SUCCEEDED,
        key(0, "api"), Vocabulary.RECONCILIATION_SUCCEEDED,
        key(1, "shop"), Vocabulary.RECONCILIATION_SUCCEEDED,
        key(1, "admin"), Vocabulary.RECONCILIATION_SUCCEEDED,
        key(2, "duplicate"), "HostnameConflict",
        key(2, "lost"), "GatewayNotFound");
  }

  /** Waits until every route has its expected Ready reason and records, and the Gateway its address record. */
  void awaitConverged() {
    await().atMost(TIMEOUT).untilAsserted(() -> {
      for (Map.Entry<String, String> expected : expectedReasons().entrySet()) {
        String[] key = expected.getKey().split("/");
        awaitRoute(key[0], key[1], expected.getValue());
      }
      Gateway gateway = client.resources(Gateway.class).inNamespace(gateways.name()).withName("default-gateway").get();
      assertThat(gateway.getStatus()).isNotNull();
      assertThat(gateway.getStatus().getLoadBalancerIP()).isEqualTo("10.1.2.3");
      assertThat(gateway.getStatus().condition(Vocabulary.DNS_READY).orElseThrow().getReason())
          .isEqualTo(Vocabulary.DNS_ENDPOINTS_CREATED);
      assertThat(client.resources(DNSEndpoint.class).inNamespace(gateways.name()).list().getItems()).isNotEmpty();
    });
  }

  /** Asserts that route {@code namespace/name} has Ready reason {@code reason} and, if Active, its DNSEndpoint. */
  void awaitRoute(String namespace, String name, String reason) {
    ServiceRoute route = client.resources(ServiceRoute.class).inNamespace(namespace).withName(name).get();
    assertThat(route.getStatus()).as(namespace + "/" + name).isNotNull();
    assertThat(route.getStatus().condition(Vocabulary.READY).orElseThrow().getReason())
        .as(namespace + "/" + name).isEqualTo(reason);
    if (Vocabulary.RECONCILIATION_SUCCEEDED.equals(reason) && layout == DnsEndpointLayout.ROUTE) {
      String endpoint = name + "-external-dns-weu";
      assertThat(route.getStatus().getDnsEndpoints()).containsExactly(endpoint);
      assertThat(client.resources(DNSEndpoint.class).inNamespace(namespace).withName(endpoint).get()).isNotNull();
    } else if (Vocabulary.RECONCILIATION_SUCCEEDED.equals(reason)) {
      assertThat(route.getStatus().getDnsEndpoints()).as("no per-route names in the namespace layout").isNull();
      DNSEndpoint group = client.resources(DNSEndpoint.class).inNamespace(namespace).withName("external-dns-weu.routes").get();
      assertThat(group).as(namespace + "'s group").isNotNull();
      assertThat(group.getSpec().getEndpoints()).extracting(Endpoint::getDnsName).contains(route.getStatus().getHostname());
    }
  }

  /** Deletes the cluster-scoped inputs and the namespaces, and waits until the namespaces are gone. */
  @Override
  public void close() {
    clusterScoped.forEach(object -> client.resource(object).delete());
    namespaces.forEach(TestNamespace::close);
    await().atMost(TIMEOUT).untilAsserted(() -> namespaces.forEach(namespace ->
        assertThat(client.namespaces().withName(namespace.name()).get()).as(namespace.name()).isNull()));
  }

  private String key(int app, String name) {
    return apps.get(app).name() + "/" + name;
  }

  private String controller() {
    return "ingress-" + suffix;
  }

  private String application() {
    return "shop" + suffix;
  }

  private TestNamespace namespace(String prefix) {
    TestNamespace namespace = TestNamespace.create(client, prefix);
    namespaces.add(namespace);
    return namespace;
  }

  /** Creates the object of the manifest {@code /writes/<file>} with its placeholders filled in by {@code values}. */
  private <T extends HasMetadata> T create(String file, Class<T> type, Object... values) {
    return client.resource(Manifests.load("/writes/" + file, type, values)).create();
  }
}
