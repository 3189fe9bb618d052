package io.servicerouter.benchmark;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.cli.output.ManifestWriter;
import io.servicerouter.model.Json;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicySpec;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteSpec;
import io.servicerouter.planner.IndexedSnapshot;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Plan;
import io.servicerouter.planner.Planner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark program (not a test) for the planner: plans N ServiceRoutes in 200 namespaces with three
 * regions and reports the median planner time after warm-up, for several N to show linear growth, and the
 * median wall time of a whole {@code render} process on the same input written to disk.
 *
 * <p>Run: {@code scripts/benchmark-planner} (or {@code ./servicerouter benchmark-planner 1000 10000 50000}).
 */
public final class PlannerBenchmark {

  private static final int NAMESPACES = 200;
  private static final int RUNS = 7;

  private PlannerBenchmark() {}

  /**
   * Entry point.
   *
   * @param args route counts to measure (default 1000 10000 50000); {@code --render N} also times a whole
   *     render process for N routes through the ./servicerouter launcher
   */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    Integer renderSize = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--render")) {
        renderSize = Integer.parseInt(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty() && renderSize == null) {
      sizes = List.of(1_000, 10_000, 50_000);
    }
    for (int routes : sizes) {
      List<HasMetadata> inputs = inputs(routes);
      double[] median = medianMillis(() -> plan(inputs), routes);
      System.out.printf(Locale.ROOT, "planner routes=%d median wall=%.1f ms cpu=%.1f ms (cpu per route %.2f us)%n",
          routes, median[0], median[1], median[1] * 1000 / routes);
    }
    if (renderSize != null) {
      Path dir = Files.createTempDirectory("render-bench");
      List<com.fasterxml.jackson.databind.node.ObjectNode> nodes = new ArrayList<>();
      inputs(renderSize).forEach(o -> nodes.add(Json.toNode(o)));
      Files.writeString(dir.resolve("inputs.yaml"), ManifestWriter.write(nodes, ManifestWriter.Format.YAML));
      long[] times = new long[RUNS];
      for (int run = 0; run < RUNS; run++) {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("./servicerouter", "render", "-f", dir.resolve("inputs.yaml").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
          throw new IllegalStateException("render failed");
        }
        times[run] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      System.out.printf(Locale.ROOT, "render-process routes=%d median=%.0f ms (runs: %s)%n", renderSize,
          times[RUNS / 2] / 1e6, Arrays.toString(Arrays.stream(times).map(t -> t / 1_000_000).toArray()));
    }
  }

  private static Plan plan(List<HasMetadata> inputs) {
    return Planner.plan(IndexedSnapshot.builder(Options.DEFAULTS).addAll(inputs).build(), Options.DEFAULTS);
  }

  /** Median wall and thread-CPU milliseconds of the work after warm-up (CPU time is less sensitive to load). */
  private static double[] medianMillis(Runnable work, int routes) {
    int warmups = Math.max(3, 50_000 / routes);
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[RUNS];
    double[] cpu = new double[RUNS];
    for (int run = 0; run < RUNS; run++) {
      System.gc();
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      work.run();
      wall[run] = (System.nanoTime() - start) / 1e6;
      cpu[run] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[RUNS / 2], cpu[RUNS / 2]};
  }

  /** A WEU cluster adopting nothing, three controllers, two gateways, 200 namespaces, N routes. */
  static List<HasMetadata> inputs(int routes) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(BenchmarkObjects.clusterIdentity("weu"));
    objects.add(BenchmarkObjects.dnsConfiguration());
    for (String postfix : List.of("internal", "external")) {
      objects.add(BenchmarkObjects.gateway(postfix));
    }
    for (int n = 0; n < NAMESPACES; n++) {
      DNSPolicy policy = new DNSPolicy();
      policy.setMetadata(new ObjectMetaBuilder().withName("default").withNamespace("team-" + n).build());
      DNSPolicySpec spec = new DNSPolicySpec();
      spec.setMode(n % 4 == 0 ? DNSPolicySpec.MODE_REGION_BOUND : DNSPolicySpec.MODE_ACTIVE);
      spec.setSourceRegion(n % 4 == 0 ? "weu" : null);
      policy.setSpec(spec);
      objects.add(policy);
    }
    for (int r = 0; r < routes; r++) {
      ServiceRoute route = new ServiceRoute();
      int namespace = r % NAMESPACES;
      route.setMetadata(new ObjectMetaBuilder().withName("svc-" + r).withNamespace("team-" + namespace).build());
      ServiceRouteSpec spec = new ServiceRouteSpec();
      spec.setServiceName("svc-" + r);
      spec.setGatewayName(r % 2 == 0 ? "internal-gateway" : "external-gateway");
      spec.setEnvironment("prod");
      spec.setApplication("app-" + namespace);
      route.setSpec(spec);
      objects.add(route);
    }
    return objects;
  }
}
