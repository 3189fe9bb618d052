package io.servicerouter.benchmark;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.DNSConfigurationSpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.DNSEndpointSpec;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicySpec;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewaySpec;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteSpec;
import io.servicerouter.testsupport.ControlPlane;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Benchmark program (not a test) for the operator on a real control plane: N ServiceRoutes in 100
 * namespaces in the NEU cluster (controllers weu, neu and the cross-region frc fed by weu). It reports the
 * time to first convergence, the time from adding {@code adoptsRegions: [weu]} until every adopted-region
 * DNSEndpoint exists and every route's status lists them (failover), the time to release, the API server's
 * writes per route during each phase (the global resourceVersion advance: every write to etcd advances it,
 * so it counts what the API server stored, whoever wrote it), the operator process's RSS, and the raw floor:
 * the same number of DNSEndpoint creations by a plain client with the operator's concurrency.
 *
 * <p>Run: {@code scripts/benchmark-operator [ROUTES...]} (default 1000).
 */
public final class OperatorBenchmark {

  private static final int NAMESPACES = 100;
  private static final int CONCURRENCY = 4;
  private static final long POLL_MILLIS = 50;

  private final KubernetesClient client;
  private final SharedIndexInformer<ServiceRoute> routes;
  private final SharedIndexInformer<DNSEndpoint> endpoints;

  private OperatorBenchmark(KubernetesClient client) {
    this.client = client;
    this.routes = client.resources(ServiceRoute.class).inAnyNamespace().inform();
    this.endpoints = client.resources(DNSEndpoint.class).inAnyNamespace()
        .withLabel("app.kubernetes.io/managed-by", "service-router-operator").inform();
  }

  /**
   * Entry point.
   *
   * @param args route counts (default 1000); each runs on a fresh control plane
   */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args) {
      sizes.add(Integer.parseInt(arg));
    }
    if (sizes.isEmpty()) {
      sizes.add(1000);
    }
    for (int size : sizes) {
      try (ControlPlane controlPlane = ControlPlane.start("bench-" + size)) {
        new OperatorBenchmark(controlPlane.client()).run(controlPlane, size);
      }
    }
    System.exit(0);
  }

  private void run(ControlPlane controlPlane, int size) throws Exception {
    setUp(size);
    Process operator = startOperator(controlPlane);
    try {
      long rv0 = resourceVersion();
      double converge = timeUntil(() -> converged(size, 1));
      long rv1 = resourceVersion();
      patchAdoptions(List.of("weu"));
      double failover = timeUntil(() -> converged(size, 3));
      long rv2 = resourceVersion();
      patchAdoptions(List.of());
      double release = timeUntil(() -> converged(size, 1));
      long rv3 = resourceVersion();
      long rss = rssKiB(operator.pid());
      double floor1 = rawFloor(size, "floor-a");
      double floor2 = rawFloor(2 * size, "floor-b");
      System.out.printf(Locale.ROOT,
          "operator routes=%d first-convergence=%.2f s (floor %.2f s, ratio %.2f, writes/route %.2f)"
              + " failover=%.2f s (floor %.2f s, ratio %.2f, writes/route %.2f)"
              + " release=%.2f s (writes/route %.2f) operator-rss=%d MiB%n",
          size, converge, floor1, converge / floor1, (rv1 - rv0) / (double) size,
          failover, floor2, failover / floor2, (rv2 - rv1) / (double) size,
          release, (rv3 - rv2) / (double) size, rss / 1024);
    } finally {
      operator.destroy();
      operator.waitFor();
    }
  }

  /** Whether every route is Active with the given number of DNSEndpoints, and exactly those exist. */
  private boolean converged(int size, int perRoute) {
    if (routes.getStore().list().size() != size || endpoints.getStore().list().size() != size * perRoute) {
      return false;
    }
    for (ServiceRoute route : routes.getStore().list()) {
      if (route.getStatus() == null || !"Active".equals(route.getStatus().getPhase())
          || route.getStatus().getDnsEndpoints() == null || route.getStatus().getDnsEndpoints().size() != perRoute) {
        return false;
      }
    }
    return true;
  }

  private static double timeUntil(BooleanSupplier condition) throws InterruptedException {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      Thread.sleep(POLL_MILLIS);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private void setUp(int size) throws Exception {
    ClusterIdentity identity = new ClusterIdentity();
    identity.setMetadata(new ObjectMetaBuilder().withName("cluster-identity").build());
    ClusterIdentitySpec spec = new ClusterIdentitySpec();
    spec.setRegion("neu");
    spec.setCluster("aks01");
    spec.setDomain("example.com");
    spec.setEnvironmentLetter("p");
    identity.setSpec(spec);
    client.resource(identity).create();
    DNSConfiguration configuration = new DNSConfiguration();
    configuration.setMetadata(new ObjectMetaBuilder().withName("dns-config").build());
    DNSConfigurationSpec configurationSpec = new DNSConfigurationSpec();
    configurationSpec.setExternalDNSControllers(List.of(new ExternalDNSController("external-dns-weu", "weu"),
        new ExternalDNSController("external-dns-neu", "neu"), new ExternalDNSController("external-dns-frc", "weu")));
    configuration.setSpec(configurationSpec);
    client.resource(configuration).create();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("istio-system").endMetadata().build())
        .create();
    Gateway gateway = new Gateway();
    gateway.setMetadata(new ObjectMetaBuilder().withName("internal-gateway").withNamespace("istio-system").build());
    GatewaySpec gatewaySpec = new GatewaySpec();
    gatewaySpec.setController("aks-istio-ingressgateway-internal");
    gatewaySpec.setCredentialName("cert-internal");
    gatewaySpec.setTargetPostfix("internal");
    gateway.setSpec(gatewaySpec);
    client.resource(gateway).create();
    List<HasMetadata> objects = new ArrayList<>();
    for (int n = 0; n < NAMESPACES; n++) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-" + n).endMetadata().build())
          .create();
      DNSPolicy policy = new DNSPolicy();
      policy.setMetadata(new ObjectMetaBuilder().withName("default").withNamespace("team-" + n).build());
      policy.setSpec(new DNSPolicySpec());
      objects.add(policy);
    }
    for (int r = 0; r < size; r++) {
      ServiceRoute route = new ServiceRoute();
      route.setMetadata(new ObjectMetaBuilder().withName("svc-" + r).withNamespace("team-" + (r % NAMESPACES)).build());
      ServiceRouteSpec routeSpec = new ServiceRouteSpec();
      routeSpec.setServiceName("svc-" + r);
      routeSpec.setGatewayName("internal-gateway");
      routeSpec.setEnvironment("prod");
      routeSpec.setApplication("app-" + (r % NAMESPACES));
      route.setSpec(routeSpec);
      objects.add(route);
    }
    createAll(objects);
  }

  /** The raw floor: {@code count} DNSEndpoint creations by a plain client with the operator's concurrency. */
  private double rawFloor(int count, String namespace) throws Exception {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    List<HasMetadata> objects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      DNSEndpoint endpoint = new DNSEndpoint();
      endpoint.setMetadata(new ObjectMetaBuilder().withName("floor-" + i).withNamespace(namespace).build());
      endpoint.setSpec(new DNSEndpointSpec(List.of(
          new Endpoint("svc-" + i + ".example.com", "CNAME", List.of("aks01-neu-internal.example.com"), null))));
      objects.add(endpoint);
    }
    long start = System.nanoTime();
    createAll(objects);
    return (System.nanoTime() - start) / 1e9;
  }

  private void createAll(List<HasMetadata> objects) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (HasMetadata object : objects) {
        futures.add(pool.submit(() -> client.resource(object).create()));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void patchAdoptions(List<String> regions) {
    ClusterIdentity identity = client.resources(ClusterIdentity.class).withName("cluster-identity").get();
    identity.getSpec().setAdoptsRegions(regions);
    client.resource(identity).update();
  }

  /** The cluster's current resourceVersion (etcd revision), read from a list response. */
  private long resourceVersion() {
    return Long.parseLong(client.namespaces().list().getMetadata().getResourceVersion());
  }

  private static Process startOperator(ControlPlane controlPlane) throws IOException {
    Path log = Files.createTempFile("operator-bench", ".log");
    System.out.println("operator log: " + log);
    return new ProcessBuilder("java", "-XX:+UseSerialGC", "-jar", "target/servicerouter.jar", "operator",
        "--kubeconfig", controlPlane.kubeconfig().toString(),
        "--metrics-bind-address", "127.0.0.1:" + freePort(), "--health-probe-bind-address", "127.0.0.1:" + freePort())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long rssKiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
