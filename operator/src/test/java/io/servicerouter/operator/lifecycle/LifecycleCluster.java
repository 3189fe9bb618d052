package io.servicerouter.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.servicerouter.model.Json;
import io.servicerouter.model.Labels;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.SchemaProblemCache;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.IndexedSnapshot;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Plan;
import io.servicerouter.planner.Planner;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ChartIdentity;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import io.servicerouter.validation.CrdSchemas;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowingConsumer;
import org.awaitility.core.ThrowingRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator, started in-process against the shared control plane, with the baseline cluster of SPEC §4.5
 * input F (ClusterIdentity {@code cluster-identity}: weu/aks01/example.com/p; DNSConfiguration
 * {@code dns-config}: external-dns-weu (weu), external-dns-neu (neu)), plus small helpers to create inputs
 * from the manifests under {@code /lifecycle/} in namespaces of their own and to await final states. The
 * lifecycle ITs get it from {@link LifecycleClusterExtension}. Closing it stops the operator, requests the
 * namespaces' deletion and deletes every ClusterIdentity and DNSConfiguration.
 */
final class LifecycleCluster implements AutoCloseable {

  /** How long a final state may take to appear (generous: these tests assert states, not speed). */
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** How long a state involving thousands of objects may take to appear. */
  static final Duration LONG_TIMEOUT = Duration.ofMinutes(4);
  /** The baseline ClusterIdentity's name. */
  static final String IDENTITY = "cluster-identity";
  /** The baseline DNSConfiguration's name. */
  static final String DNS_CONFIG = "dns-config";
  /** The Istio ingress controller that the default test Gateway selects. */
  static final String ISTIO_CONTROLLER = "aks-istio-ingressgateway-internal";
  /** The baseline DNSConfiguration controllers (flow YAML). */
  static final String BASELINE_CONTROLLERS =
      "[{name: external-dns-weu, region: weu}, {name: external-dns-neu, region: neu}]";
  /** The target host of routes behind a {@link #createGateway default Gateway} in the baseline cluster. */
  static final String WEU_TARGET = "aks01-weu-internal.example.com";
  /** The DNSEndpoint of an app's route for the baseline's controller {@code external-dns-weu}. */
  private static final String WEU_RECORD = "web-external-dns-weu";
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleCluster.class);
  /** Attempts of {@link #create} at a request that got no response. */
  private static final int CREATE_ATTEMPTS = 3;

  private static final SchemaProblemCache SPEC_PROBLEMS = new SchemaProblemCache(CrdSchemas.fromClasspath());

  private final KubernetesClient client;
  private final List<TestNamespace> namespaces = new ArrayList<>();
  private final KubernetesClient operatorClient;
  private final OperatorRuntime runtime;
  private final OperatorMetrics metrics;
  private final Options options;

  private LifecycleCluster(KubernetesClient client, KubernetesClient operatorClient, OperatorRuntime runtime,
      OperatorMetrics metrics, Options options) {
    this.options = options;
    this.client = client;
    this.operatorClient = operatorClient;
    this.runtime = runtime;
    this.metrics = metrics;
  }

  /**
   * Waits until no namespace of earlier test classes is still being deleted (so that their objects do not
   * count here), creates the baseline singletons on the shared control plane and starts the operator. The
   * operator authenticates as the Helm chart's ServiceAccount with exactly the chart's RBAC, so every lifecycle
   * test also proves that RBAC sufficient; the tests themselves write as admin. The operator writes route records
   * in {@code layout} (SPEC §4.2 or §4.6).
   */
  static LifecycleCluster start(DnsEndpointLayout layout) throws Exception {
    Options options = Options.DEFAULTS.withLayout(layout);
    ControlPlane controlPlane = ControlPlaneExtension.shared();
    KubernetesClient client = controlPlane.client();
    await().atMost(Duration.ofSeconds(90)).until(() -> client.namespaces().list().getItems().stream()
        .noneMatch(namespace -> namespace.getMetadata().getDeletionTimestamp() != null));
    deleteSingletons(client);
    applyBaseline(client);
    OperatorMetrics metrics = new OperatorMetrics("lifecycle");
    KubernetesClient operatorClient = ChartIdentity.client(controlPlane);
    try {
      OperatorRuntime runtime = OperatorRuntime.start(operatorClient,
          new OperatorSettings(WatchScope.ALL, options, 2, Optional.empty()), metrics, Clock.systemUTC());
      return new LifecycleCluster(client, operatorClient, runtime, metrics, options);
    } catch (Exception | Error e) {
      operatorClient.close();
      throw e;
    }
  }

  /** The operator's {@code /metrics} text as a scrape would return it now. */
  String metrics() {
    return metrics.scrape();
  }

  /** A new namespace {@code <prefix>-<random>}, deleted when this cluster closes. */
  String namespace(String prefix) {
    TestNamespace namespace = TestNamespace.create(client, prefix);
    namespaces.add(namespace);
    return namespace.name();
  }

  /** The object of the manifest {@code /lifecycle/<file>} with its placeholders filled in by {@code values}. */
  static <T> T manifest(String file, Class<T> type, Object... values) {
    return Manifests.load("/lifecycle/" + file, type, values);
  }

  /**
   * Creates the object of the manifest {@code /lifecycle/<file>}. A request that gets no response at all (a
   * transport error or the client's time-out; the test client does not retry) is tried again after looking
   * whether the first attempt was stored: one lost response among the thousands of creates of a bulk test on
   * this shared machine fails the harness, not the operator (a CI run once lost one while creating 2,500 routes).
   */
  <T extends HasMetadata> T create(String file, Class<T> type, Object... values) {
    T object = manifest(file, type, values);
    for (int attempt = 1; ; attempt++) {
      try {
        return client.resource(object).create();
      } catch (KubernetesClientException e) {
        if (!gotNoResponse(e) || attempt == CREATE_ATTEMPTS) {
          throw e;
        }
        LOG.warn("create of {} {}/{} got no response ({}); trying again", object.getKind(),
            object.getMetadata().getNamespace(), object.getMetadata().getName(), String.valueOf(e.getCause()));
        T stored = client.resource(object).get();
        if (stored != null) {
          return stored;
        }
      }
    }
  }

  /**
   * True when the request failed without an HTTP response: fabric8 reports a transport error with the
   * IOException as the cause and its request time-out with a TimeoutException.
   */
  private static boolean gotNoResponse(KubernetesClientException e) {
    return e.getCause() instanceof IOException || e.getCause() instanceof TimeoutException;
  }

  /** Creates or replaces the ClusterIdentity {@code name} of the region and cluster (no adopted regions). */
  void applyIdentity(String name, String region, String clusterName) {
    apply(client, manifest("cluster-identity.yaml", ClusterIdentity.class, name, region, clusterName));
  }

  /** Replaces the baseline ClusterIdentity by one adopting the regions (flow YAML, e.g. {@code [neu]}). */
  void adoptRegions(String regions) {
    apply(client, manifest("adopting-cluster-identity.yaml", ClusterIdentity.class, regions));
  }

  /** Replaces the DNSConfiguration's controllers (flow YAML, e.g. {@link #BASELINE_CONTROLLERS}). */
  void applyControllers(String controllers) {
    apply(client, manifest("dns-configuration.yaml", DNSConfiguration.class, controllers));
  }

  private static void applyBaseline(KubernetesClient client) {
    apply(client, manifest("cluster-identity.yaml", ClusterIdentity.class, IDENTITY, "weu", "aks01"));
    apply(client, manifest("dns-configuration.yaml", DNSConfiguration.class, BASELINE_CONTROLLERS));
  }

  /** Creates or replaces the (cluster-scoped) object. */
  private static <T extends HasMetadata> void apply(KubernetesClient client, T object) {
    T existing = client.resource(object).get();
    if (existing == null) {
      client.resource(object).create();
    } else {
      object.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      client.resource(object).update();
    }
  }

  /** Creates a Gateway {@code default-gateway} selecting {@link #ISTIO_CONTROLLER}, postfix {@code internal}. */
  void createGateway(String namespace) {
    create("gateway.yaml", Gateway.class, namespace, ISTIO_CONTROLLER, "internal");
  }

  /** Creates a DNSPolicy with the given spec (flow YAML, e.g. {@code {mode: Active}}). */
  void createPolicy(String namespace, String name, String spec) {
    create("dns-policy.yaml", DNSPolicy.class, name, namespace, spec);
  }

  /**
   * Creates a ServiceRoute for the Service {@code name} referencing {@code gatewayNamespace/default-gateway}; its
   * hostname is {@link #hostname hostname(name, application)}.
   */
  void createRoute(String namespace, String name, String application, String gatewayNamespace) {
    create("service-route.yaml", ServiceRoute.class, name, namespace, name, gatewayNamespace, application);
  }

  /**
   * An application namespace with a DNSPolicy {@code default} and a ServiceRoute {@code web} referencing
   * {@code default-gateway} in a Gateway namespace of its own.
   *
   * @param gatewayNamespace namespace of the Gateway {@code default-gateway}
   * @param namespace namespace of the policy and the route; also the route's {@code application}
   */
  record App(String gatewayNamespace, String namespace) {

    /** The route's hostname. */
    String hostname() {
      return LifecycleCluster.hostname("web", namespace);
    }

    /** The Istio controller of an app created with a unique one. */
    String istioController() {
      return "lb-" + gatewayNamespace;
    }

    /** The name of the app's address DNSEndpoint for the controller (unique Istio controller only). */
    String addressRecord(String controller) {
      return "gateway-controller-" + istioController() + "-" + gatewayNamespace + "-" + controller;
    }

    /** The target host of an app with a unique Istio controller in the baseline cluster. */
    String uniqueTargetHost() {
      return "aks01-weu-" + gatewayNamespace + ".example.com";
    }
  }

  /**
   * Creates an {@link App} whose policy has the given spec and awaits the route's first status.
   *
   * @param policySpec the DNSPolicy spec as flow YAML, e.g. {@code {mode: Active}}
   */
  App app(String policySpec) {
    return app(policySpec, false);
  }

  /**
   * Like {@link #app(String)}, but when {@code uniqueIstioController} is true the Gateway selects an Istio
   * controller {@code lb-<gateway namespace>} with the postfix {@code <gateway namespace>}, so that a
   * LoadBalancer Service of the test is the only one chosen for it (SPEC §3.7).
   */
  App app(String policySpec, boolean uniqueIstioController) {
    String gatewayNamespace = namespace("gw");
    if (uniqueIstioController) {
      create("gateway.yaml", Gateway.class, gatewayNamespace, "lb-" + gatewayNamespace, gatewayNamespace);
    } else {
      createGateway(gatewayNamespace);
    }
    String namespace = namespace("app");
    createPolicy(namespace, "default", policySpec);
    createRoute(namespace, "web", namespace, gatewayNamespace);
    eventually(() -> assertThat(route(namespace, "web").getStatus()).isNotNull());
    return new App(gatewayNamespace, namespace);
  }

  /** Creates an {@link App} with the policy {@code {mode: Active}} and awaits its route Active in weu. */
  App activeApp() {
    App app = app("{mode: Active}");
    awaitActive(app, WEU_TARGET, WEU_RECORD);
    return app;
  }

  /**
   * Creates the LoadBalancer Service {@code ingress} for the app's unique Istio controller (see
   * {@link #app(String, boolean)}) in the Gateway namespace, with the given ingress IP.
   */
  Service loadBalancer(App app, String ip) {
    Service service = create("load-balancer-service.yaml", Service.class, app.gatewayNamespace(),
        app.istioController());
    setIngress(service, new LoadBalancerIngressBuilder().withIp(ip).build());
    return service;
  }

  /** Sets the Service's {@code status.loadBalancer.ingress} through the status subresource. */
  void setIngress(Service service, LoadBalancerIngress... ingress) {
    editStatus(Service.class, service.getMetadata().getNamespace(), service.getMetadata().getName(),
        current -> current.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().withIngress(List.of(ingress))
            .endLoadBalancer().build()));
  }

  /** Awaits the app's route Active with exactly these DNSEndpoints, all targeting {@code targetHost}. */
  void awaitActive(App app, String targetHost, String... endpoints) {
    eventually(() -> {
      ServiceRoute route = route(app.namespace(), "web");
      assertThat(state(route.getStatus())).isEqualTo("Active/ReconciliationSucceeded");
      assertThat(route.getStatus().getDnsEndpoints()).containsExactlyInAnyOrder(endpoints);
      assertThat(endpointNames(app.namespace())).containsExactlyInAnyOrder(endpoints);
      for (String name : endpoints) {
        Endpoint endpoint = singleEndpoint(app.namespace(), name);
        assertThat(endpoint.getDnsName()).isEqualTo(app.hostname());
        assertThat(endpoint.getTargets()).containsExactly(targetHost);
      }
    });
  }

  /** Awaits the app's route in the given {@code Phase/Reason} with exactly these DNSEndpoints in its namespace. */
  void awaitRoute(App app, String state, String... endpoints) {
    eventually(() -> {
      assertThat(state(route(app.namespace(), "web").getStatus())).isEqualTo(state);
      assertThat(endpointNames(app.namespace())).containsExactlyInAnyOrder(endpoints);
    });
  }

  /** The hostname of a route created by {@link #createRoute}. */
  static String hostname(String serviceName, String application) {
    return serviceName + "-ns-p-prod-" + application + ".example.com";
  }

  /** The stored ServiceRoute. */
  ServiceRoute route(String namespace, String name) {
    return client.resources(ServiceRoute.class).inNamespace(namespace).withName(name).get();
  }

  /** The stored DNSPolicy. */
  DNSPolicy policy(String namespace, String name) {
    return client.resources(DNSPolicy.class).inNamespace(namespace).withName(name).get();
  }

  /** The stored Gateway. */
  Gateway gateway(String namespace, String name) {
    return client.resources(Gateway.class).inNamespace(namespace).withName(name).get();
  }

  /** The stored ClusterIdentity, or null. */
  ClusterIdentity identity(String name) {
    return client.resources(ClusterIdentity.class).withName(name).get();
  }

  /** The stored Istio Gateway, or null. */
  io.fabric8.istio.api.networking.v1.Gateway istioGateway(String namespace, String name) {
    return client.resources(io.fabric8.istio.api.networking.v1.Gateway.class).inNamespace(namespace).withName(name)
        .get();
  }

  /** The hosts of the stored Istio Gateway's single server. */
  List<String> istioHosts(String namespace, String name) {
    io.fabric8.istio.api.networking.v1.Gateway istio = istioGateway(namespace, name);
    assertThat(istio).as("Istio Gateway %s/%s", namespace, name).isNotNull();
    return istio.getSpec().getServers().get(0).getHosts();
  }

  /** The stored DNSEndpoint, or null. */
  DNSEndpoint endpoint(String namespace, String name) {
    return client.resources(DNSEndpoint.class).inNamespace(namespace).withName(name).get();
  }

  /** The resourceVersion of the app's route DNSEndpoint {@link #WEU_RECORD}. */
  String routeRecordVersion(App app) {
    return endpoint(app.namespace(), WEU_RECORD).getMetadata().getResourceVersion();
  }

  /** The stored ServiceRoutes of the namespace. */
  List<ServiceRoute> routes(String namespace) {
    return client.resources(ServiceRoute.class).inNamespace(namespace).list().getItems();
  }

  /** The stored DNSEndpoints of the namespace. */
  List<DNSEndpoint> endpoints(String namespace) {
    return client.resources(DNSEndpoint.class).inNamespace(namespace).list().getItems();
  }

  /** Awaits the route {@code namespace/name} in the given {@code Phase/Reason}. */
  void awaitRoute(String namespace, String name, String state) {
    eventually(() -> assertThat(state(route(namespace, name).getStatus())).as(namespace + "/" + name).isEqualTo(state));
  }

  /** Names of the DNSEndpoints in the namespace, sorted. */
  List<String> endpointNames(String namespace) {
    return client.resources(DNSEndpoint.class).inNamespace(namespace).list().getItems().stream()
        .map(endpoint -> endpoint.getMetadata().getName()).sorted().toList();
  }

  /** The single endpoint of a stored DNSEndpoint (asserted present). */
  Endpoint singleEndpoint(String namespace, String name) {
    DNSEndpoint endpoint = endpoint(namespace, name);
    assertThat(endpoint).as("DNSEndpoint %s/%s", namespace, name).isNotNull();
    assertThat(endpoint.getSpec().getEndpoints()).hasSize(1);
    return endpoint.getSpec().getEndpoints().get(0);
  }

  /**
   * Asserts, eventually, that what the operator wrote in the given namespaces (DNSEndpoints, Istio Gateways,
   * phases and Ready reasons of the routing kinds) equals what the planner renders offline from the inputs
   * stored now in the whole cluster (SPEC §3.1: the operator and the renderer share the evaluation).
   */
  void assertWrittenAsPlanned(String... namespaces) {
    Set<String> scope = new HashSet<>(List.of(namespaces));
    eventually(() -> {
      Plan plan = plan();

      List<HasMetadata> planned = plan.generated().stream()
          .filter(object -> scope.contains(object.getMetadata().getNamespace())).toList();
      List<HasMetadata> written = new ArrayList<>();
      for (String namespace : namespaces) {
        written.addAll(client.resources(DNSEndpoint.class).inNamespace(namespace).list().getItems());
        written.addAll(client.resources(io.fabric8.istio.api.networking.v1.Gateway.class).inNamespace(namespace)
            .list().getItems());
      }
      assertThat(written).extracting(LifecycleCluster::key).as("generated objects")
          .containsExactlyInAnyOrderElementsOf(planned.stream().map(LifecycleCluster::key).toList());
      for (HasMetadata expected : planned) {
        HasMetadata actual = client.resource(expected).get();
        assertThat(Json.toNode(actual).get("spec")).as(key(expected))
            .isEqualTo(Json.toNode(expected).get("spec"));
        assertThat(actual.getMetadata().getLabels()).as(key(expected)).isEqualTo(expected.getMetadata().getLabels());
        assertThat(actual.getMetadata().getOwnerReferences()).as(key(expected))
            .isEqualTo(expected.getMetadata().getOwnerReferences());
      }
      plan.statuses().forEach((input, status) -> {
        if (scope.contains(input.getMetadata().getNamespace())) {
          HasMetadata stored = client.resource(input).get();
          assertThat(state((ObservedStatus) ((CustomResource<?, ?>) stored).getStatus())).as(key(input))
              .isEqualTo(state(status));
        }
      });
    });
  }

  /** The planner's plan for the inputs stored now in the whole cluster (SPEC §3.1). */
  Plan plan() {
    List<HasMetadata> inputs = new ArrayList<>();
    inputs.addAll(client.resources(ClusterIdentity.class).list().getItems());
    inputs.addAll(client.resources(DNSConfiguration.class).list().getItems());
    inputs.addAll(client.resources(DNSPolicy.class).inAnyNamespace().list().getItems());
    inputs.addAll(client.resources(Gateway.class).inAnyNamespace().list().getItems());
    inputs.addAll(client.resources(ServiceRoute.class).inAnyNamespace().list().getItems());
    inputs.addAll(client.resources(Service.class).inAnyNamespace().list().getItems());
    inputs.addAll(client.resources(Namespace.class).list().getItems());
    return Planner.plan(IndexedSnapshot.builder(options).addAll(inputs).specProblems(SPEC_PROBLEMS).build(), options);
  }

  /** How many route and address DNSEndpoints of the region the planner wants now, cluster-wide (SPEC §3.11 n). */
  long plannedEndpointsInRegion(String region) {
    return plan().generated().stream()
        .filter(object -> object instanceof DNSEndpoint)
        .filter(object -> region.equals(object.getMetadata().getLabels().get(Labels.LABEL_REGION)))
        .count();
  }

  private static String key(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  /** The phase and Ready reason of a status, as {@code "Phase/Reason"} ({@code "null"} parts when absent). */
  static String state(ObservedStatus status) {
    if (status == null) {
      return "no status";
    }
    return status.getPhase() + "/" + status.condition(Vocabulary.READY).map(c -> c.getReason()).orElse(null);
  }

  /** The Ready message of a status. */
  static String readyMessage(ObservedStatus status) {
    return status.condition(Vocabulary.READY).orElseThrow().getMessage();
  }

  /** Events with the reason in the namespace (ClusterIdentity and DNSConfiguration Events are in {@code default}). */
  List<Event> events(String namespace, String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> reason.equals(event.getReason())).toList();
  }

  /**
   * The value of {@code servicerouter_config_convergence_seconds{source="clusteridentity"}}: the duration of the last
   * completed convergence, absent before the first.
   */
  OptionalDouble convergenceSeconds() {
    Matcher sample = Pattern.compile("^servicerouter_config_convergence_seconds\\{source=\"clusteridentity\"} (\\S+)$",
        Pattern.MULTILINE).matcher(metrics());
    return sample.find() ? OptionalDouble.of(Double.parseDouble(sample.group(1))) : OptionalDouble.empty();
  }
  /** Awaits the assertion for up to {@link #LONG_TIMEOUT}: for thousands of objects. */
  static void eventuallyLong(ThrowingRunnable assertion) {
    await().atMost(LONG_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(assertion);
  }

  /** Awaits the assertion for up to {@link #TIMEOUT}. */
  static void eventually(ThrowingRunnable assertion) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
  }

  /** Deletes the stored object of the given type and name (cluster-scoped if namespace is null). */
  <T extends HasMetadata> void delete(Class<T> type, String namespace, String name) {
    resource(type, namespace, name).delete();
  }

  /** Applies the change to the stored object of the given type and name (cluster-scoped if namespace is null). */
  <T extends HasMetadata> void edit(Class<T> type, String namespace, String name, ThrowingConsumer<T> change) {
    write(type, namespace, name, change, false);
  }

  /** Like {@link #edit}, but writes through the status subresource. */
  <T extends HasMetadata> void editStatus(Class<T> type, String namespace, String name, ThrowingConsumer<T> change) {
    write(type, namespace, name, change, true);
  }

  private <T extends HasMetadata> void write(Class<T> type, String namespace, String name, ThrowingConsumer<T> change,
      boolean status) {
    await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
      T current = resource(type, namespace, name).get();
      change.accept(current);
      if (status) {
        client.resource(current).updateStatus();
      } else {
        client.resource(current).update();
      }
      return true;
    });
  }

  private <T extends HasMetadata> Resource<T> resource(Class<T> type, String namespace, String name) {
    return namespace == null ? client.resources(type).withName(name)
        : client.resources(type).inNamespace(namespace).withName(name);
  }

  /** Deletes every ClusterIdentity except the baseline and restores the baseline specs of both singletons. */
  void restoreBaseline() {
    client.resources(ClusterIdentity.class).list().getItems().stream()
        .filter(identity -> !IDENTITY.equals(identity.getMetadata().getName()))
        .forEach(identity -> client.resource(identity).delete());
    client.resources(DNSConfiguration.class).list().getItems().stream()
        .filter(config -> !DNS_CONFIG.equals(config.getMetadata().getName()))
        .forEach(config -> client.resource(config).delete());
    eventually(() -> assertThat(client.resources(ClusterIdentity.class).list().getItems())
        .allMatch(identity -> IDENTITY.equals(identity.getMetadata().getName())));
    applyBaseline(client);
    eventually(() -> {
      ClusterIdentity identity = identity(IDENTITY);
      assertThat(state(identity.getStatus())).isEqualTo("Active/ReconciliationSucceeded");
      assertThat(identity.getStatus().getServedRegions()).containsExactly("weu");
    });
  }

  @Override
  public void close() {
    runtime.close();
    operatorClient.close();
    namespaces.forEach(TestNamespace::close);
    deleteSingletons(client);
  }

  private static void deleteSingletons(KubernetesClient client) {
    client.resources(ClusterIdentity.class).delete();
    client.resources(DNSConfiguration.class).delete();
    await().atMost(TIMEOUT).until(() -> client.resources(ClusterIdentity.class).list().getItems().isEmpty()
        && client.resources(DNSConfiguration.class).list().getItems().isEmpty());
  }
}
