package io.servicerouter.benchmark;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.DNSEndpointSpec;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicySpec;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteSpec;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.TestDirectories;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark program (not a test) for the operator on a real control plane: N ServiceRoutes in 100
 * namespaces in the NEU cluster (controllers weu, neu and the cross-region frc fed by weu). It reports the
 * time to first convergence, the time from adding {@code adoptsRegions: [weu]} until every adopted-region
 * DNSEndpoint exists and every route's status lists them (failover), the time to release (both measured twice:
 * the first time right after start-up, while the operator's JIT compiler is still busy, and again, as a running
 * operator would fail over), the API server's
 * writes per route during each phase (the global resourceVersion advance: every write to etcd advances it,
 * so it counts what the API server stored, whoever wrote it), the operator process's RSS, and the raw floor:
 * the same number of DNSEndpoint creations by a plain client with the operator's concurrency. To tell where the
 * time goes it also reports, per phase, the CPU seconds of the operator, etcd, kube-apiserver, the controller
 * manager and itself, the operator's reconciles per controller, and two more floors: the same DNSEndpoints
 * written by server-side apply (the operator's way) and one status update per route.
 *
 * <p>Run: {@code scripts/benchmark-operator [--runs K] [--layout namespace|route] [ROUTES...]} (default 1000).
 */
public final class OperatorBenchmark {

  private static final int NAMESPACES = 100;
  private static final int CONCURRENCY = 4;
  private static final long POLL_MILLIS = 50;

  private final KubernetesClient client;
  private final DnsEndpointLayout layout;
  private final SharedIndexInformer<ServiceRoute> routes;
  private final SharedIndexInformer<DNSEndpoint> endpoints;

  private OperatorBenchmark(KubernetesClient client, DnsEndpointLayout layout) {
    this.client = client;
    this.layout = layout;
    this.routes = client.resources(ServiceRoute.class).inAnyNamespace().inform();
    this.endpoints = client.resources(DNSEndpoint.class).inAnyNamespace()
        .withLabel("app.kubernetes.io/managed-by", "service-router-operator").inform();
  }

  /**
   * Entry point.
   *
   * @param args {@code [--runs K] [--layout namespace|route] [ROUTES...]}: route counts (default 1000), each run K
   *     times (default 1), every run on a fresh control plane, the operator writing route records in the layout
   *     (default namespace); with several runs the medians are printed last
   */
  public static void main(String[] args) throws Exception {
    int runs = 1;
    DnsEndpointLayout layout = DnsEndpointLayout.NAMESPACE;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if ("--runs".equals(args[i])) {
        runs = Integer.parseInt(args[++i]);
      } else if ("--layout".equals(args[i])) {
        layout = DnsEndpointLayout.parse(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes.add(1000);
    }
    for (int size : sizes) {
      List<Result> results = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        try (ControlPlane controlPlane = ControlPlane.start("bench-" + size + "-" + run)) {
          Result result = new OperatorBenchmark(controlPlane.client(), layout).run(controlPlane, size);
          System.out.println("run " + run + " (layout " + layout + "): " + result);
          results.add(result);
        }
      }
      if (runs > 1) {
        System.out.println("median of " + runs + " runs: " + Result.median(results));
      }
    }
    System.exit(0);
  }

  private Result run(ControlPlane controlPlane, int size) throws Exception {
    setUp(size);
    int metricsPort = freePort();
    Process operator = startOperator(controlPlane, metricsPort, layout);
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("operator", operator.pid());
    pids.putAll(controlPlane.processIds());
    pids.put("benchmark", ProcessHandle.current().pid());
    try {
      Reconciles reconciles = new Reconciles(metricsPort);
      Phase converge = measure(pids, () -> converged(size, 1), reconciles);
      patchAdoptions(List.of("weu"));
      Phase coldFailover = measure(pids, () -> converged(size, 3), reconciles);
      patchAdoptions(List.of());
      Phase coldRelease = measure(pids, () -> converged(size, 1), reconciles);
      patchAdoptions(List.of("weu"));
      Phase failover = measure(pids, () -> converged(size, 3), reconciles);
      patchAdoptions(List.of());
      Phase release = measure(pids, () -> converged(size, 1), reconciles);
      long rss = rssKiB(operator.pid());
      long liveHeap = liveHeapMiB(operator.pid());
      rawFloor(size, "floor-warm-up", Write.CREATE).getAsBoolean();
      Phase floor1 = measure(pids, rawFloor(size, "floor-a", Write.CREATE), reconciles);
      Phase floor2 = measure(pids, rawFloor(2 * size, "floor-b", Write.CREATE), reconciles);
      Phase applyFloor = measure(pids, rawFloor(2 * size, "floor-c", Write.SERVER_SIDE_APPLY), reconciles);
      operator.destroy();
      operator.waitFor();
      Phase statusFloor = measure(pids, statusFloor(), reconciles);
      return new Result(size, converge, coldFailover, coldRelease, failover, release, floor1, floor2, applyFloor,
          statusFloor, rss / 1024, liveHeap);
    } finally {
      operator.destroy();
      operator.waitFor();
    }
  }

  /**
   * Waits for {@code condition}, measuring the wall time, the writes stored, each process's CPU time and the
   * operator's reconciles.
   */
  private Phase measure(Map<String, Long> pids, BooleanSupplier condition, Reconciles reconciles)
      throws InterruptedException {
    long revision = resourceVersion();
    CpuTimes cpu = CpuTimes.read(pids);
    Map<String, Long> reconciled = reconciles.read();
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      Thread.sleep(POLL_MILLIS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Phase(seconds, resourceVersion() - revision, CpuTimes.read(pids).since(cpu),
        Reconciles.since(reconciles.read(), reconciled));
  }

  /**
   * One phase: its wall time, the writes the API server stored during it (resourceVersion advance), the CPU
   * seconds each process spent, and the operator's reconciles per controller.
   */
  record Phase(double seconds, long writes, CpuTimes cpu, Map<String, Long> reconciles) {

    String describe(int routes) {
      return String.format(Locale.ROOT, "%.2f s, writes/route %.2f, cpu %s, reconciles %s", seconds,
          writes / (double) routes, cpu, reconciles);
    }
  }

  /** The phases of one run and the operator's resident memory at the end. */
  record Result(int routes, Phase converge, Phase coldFailover, Phase coldRelease, Phase failover, Phase release,
      Phase floor1, Phase floor2, Phase applyFloor, Phase statusFloor, long rssMiB, long liveHeapMiB) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "routes=%d%n  first convergence %s%n  first failover %s%n  first release %s%n"
              + "  failover %s%n  release %s%n"
              + "  floor (%d creates) %s%n  floor (%d creates) %s%n  floor (%d server-side applies) %s%n"
              + "  floor (%d status updates, operator stopped) %s%n"
              + "  ratios: first convergence %.2f, failover %.2f; operator RSS %d MiB, live heap %d MiB",
          routes, converge.describe(routes), coldFailover.describe(routes), coldRelease.describe(routes),
          failover.describe(routes), release.describe(routes),
          routes, floor1.describe(routes), 2 * routes, floor2.describe(routes), 2 * routes, applyFloor.describe(routes),
          routes, statusFloor.describe(routes), converge.seconds / floor1.seconds, failover.seconds / floor2.seconds, rssMiB,
          liveHeapMiB);
    }

    /** The median of every number over several runs of the same size (the CPU split of the median run). */
    static String median(List<Result> results) {
      return String.format(Locale.ROOT,
          "routes=%d first convergence %.2f s (floor %.2f s, ratio %.2f), failover %.2f s (floor %.2f s, ratio %.2f),"
              + " release %.2f s, first failover %.2f s, writes/route %.2f/%.2f/%.2f, operator RSS %d MiB",
          results.get(0).routes,
          median(results, r -> r.converge.seconds), median(results, r -> r.floor1.seconds),
          median(results, r -> r.converge.seconds / r.floor1.seconds),
          median(results, r -> r.failover.seconds), median(results, r -> r.floor2.seconds),
          median(results, r -> r.failover.seconds / r.floor2.seconds),
          median(results, r -> r.release.seconds), median(results, r -> r.coldFailover.seconds),
          median(results, r -> r.converge.writes / (double) r.routes),
          median(results, r -> r.failover.writes / (double) r.routes),
          median(results, r -> r.release.writes / (double) r.routes),
          (long) median(results, r -> r.rssMiB));
    }

    private static double median(List<Result> results, ToDoubleFunction<Result> value) {
      double[] sorted = results.stream().mapToDouble(value).sorted().toArray();
      int middle = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
  }

  /**
   * Whether every route is Active with a record for {@code perRoute} controllers, and exactly those records exist:
   * one DNSEndpoint per route and controller listed in the route's status (route layout), or one per namespace and
   * controller holding the namespace's records (namespace layout).
   */
  private boolean converged(int size, int perRoute) {
    List<DNSEndpoint> written = endpoints.getStore().list();
    boolean grouped = layout == DnsEndpointLayout.NAMESPACE;
    int objects = grouped ? NAMESPACES * perRoute : size * perRoute;
    if (routes.getStore().list().size() != size || written.size() != objects
        || written.stream().mapToInt(e -> e.getSpec().getEndpoints().size()).sum() != size * perRoute) {
      return false;
    }
    for (ServiceRoute route : routes.getStore().list()) {
      if (route.getStatus() == null || !"Active".equals(route.getStatus().getPhase())
          || !grouped && (route.getStatus().getDnsEndpoints() == null
              || route.getStatus().getDnsEndpoints().size() != perRoute)) {
        return false;
      }
    }
    return true;
  }

  private void setUp(int size) throws Exception {
    client.resource(BenchmarkObjects.clusterIdentity("neu")).create();
    client.resource(BenchmarkObjects.dnsConfiguration()).create();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("istio-system").endMetadata().build())
        .create();
    client.resource(BenchmarkObjects.gateway("internal")).create();
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
    createAll(objects, Write.CREATE);
  }

  /**
   * The raw floor: {@code count} DNSEndpoint creations (or server-side applies, the operator's way of writing) by
   * a plain client with the operator's concurrency, as a condition that does the work once and then holds.
   */
  private BooleanSupplier rawFloor(int count, String namespace, Write write) {
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
    return () -> {
      try {
        createAll(objects, write);
        return true;
      } catch (Exception e) {
        throw new IllegalStateException("raw floor creations failed", e);
      }
    };
  }

  /**
   * The floor of the routes' status writes: one status update per route (the whole object without its managed
   * fields and with a changed condition message, as the operator writes it) by a plain client with the
   * operator's concurrency.
   */
  private BooleanSupplier statusFloor() {
    List<ServiceRoute> copies = new ArrayList<>();
    for (ServiceRoute route : routes.getStore().list()) {
      ServiceRoute copy = client.getKubernetesSerialization().clone(route);
      copy.getStatus().getConditions().get(0).setMessage("benchmark status write");
      copy.getMetadata().setManagedFields(List.of());
      copies.add(copy);
    }
    return () -> {
      try {
        runAll(copies.stream().<Runnable>map(copy -> () -> client.resource(copy).updateStatus()).toList());
        return true;
      } catch (Exception e) {
        throw new IllegalStateException("status floor writes failed", e);
      }
    };
  }

  /** How the raw floor writes. */
  private enum Write { CREATE, SERVER_SIDE_APPLY }

  private void createAll(List<HasMetadata> objects, Write write) throws Exception {
    runAll(objects.stream().<Runnable>map(object -> () -> {
      if (write == Write.CREATE) {
        client.resource(object).create();
      } else {
        client.resource(object).fieldManager("benchmark").forceConflicts().serverSideApply();
      }
    }).toList());
  }

  /** Runs the writes on {@link #CONCURRENCY} threads, like the operator's reconcile threads. */
  private static void runAll(List<Runnable> writes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable write : writes) {
        futures.add(pool.submit(write));
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

  private static Process startOperator(ControlPlane controlPlane, int metricsPort, DnsEndpointLayout layout)
      throws IOException {
    Path log = Files.createTempFile("operator-bench", ".log");
    System.out.println("operator log: " + log);
    // The JVM flags of the launcher and the image's entrypoint (app/src/main/jvm/jvm.options) on the JDK on
    // PATH, without the chart's memory limit (its heap ceiling is 45 % of the machine's memory).
    List<String> command = new ArrayList<>(List.of("java",
        "@" + TestDirectories.repositoryRoot().resolve("app/src/main/jvm/jvm.options")));
    String extraOptions = System.getenv("SR_OPERATOR_JAVA_OPTS");
    if (extraOptions != null && !extraOptions.isBlank()) {
      command.addAll(List.of(extraOptions.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", TestDirectories.repositoryRoot().resolve("app/target/servicerouter.jar").toString(), "operator",
        "--kubeconfig", controlPlane.kubeconfig().toString(), "--dnsendpoint-layout", layout.toString(),
        "--metrics-bind-address", "127.0.0.1:" + metricsPort, "--health-probe-bind-address", "127.0.0.1:" + freePort()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The operator's live heap: heap in use right after a full collection ({@code jcmd GC.run}, then
   * {@code GC.heap_info}), what a heap ceiling must leave room for; -1 if jcmd cannot tell.
   */
  private static long liveHeapMiB(long pid) throws IOException, InterruptedException {
    new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    Process info = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
    String text = new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    info.waitFor();
    java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(text);
    long kib = 0;
    boolean found = false;
    while (used.find()) {
      kib += Long.parseLong(used.group(1));
      found = true;
    }
    return found ? kib / 1024 : -1;
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
