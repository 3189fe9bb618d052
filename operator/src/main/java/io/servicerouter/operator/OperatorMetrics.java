package io.servicerouter.operator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The operator's Prometheus meters of SPEC §7.2 (reconcile counts and durations, leadership, build info) and
 * the JVM's and process's (heap and non-heap pools, GC pauses, threads, classes, CPU, uptime, file descriptors,
 * resident memory) in one registry, scraped by {@code /metrics}.
 */
public final class OperatorMetrics implements AutoCloseable {

  /** Histogram buckets of reconcile durations, as controller-runtime's defaults spread them. */
  private static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
      .map(Duration::ofMillis).toArray(Duration[]::new);
  /** Linux's view of this process; its {@code VmRSS} line is the resident memory in kB. */
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger leader = new AtomicInteger();
  private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * Registers the gauges and binds the JVM and process meters; {@code version} labels
   * {@code servicerouter_build_info}.
   */
  public OperatorMetrics(String version) {
    Gauge.builder("servicerouter.leader", leader, AtomicInteger::get)
        .description("1 on the leader, else 0").register(registry);
    Gauge.builder("servicerouter.build.info", () -> 1).tag("version", version)
        .description("always 1").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    if (Files.isReadable(PROC_STATUS)) {
      Gauge.builder("process.resident.memory", OperatorMetrics::residentBytes).baseUnit("bytes")
          .description("resident set size (VmRSS of /proc/self/status)").register(registry);
    }
  }

  /** Counts a completed reconcile of {@code kind} and records its duration. */
  public void reconciled(String kind, boolean success, Duration duration) {
    Counter.builder("servicerouter.reconcile").tag("kind", kind).tag("result", success ? "success" : "error")
        .description("completed reconciles").register(registry).increment();
    Timer.builder("servicerouter.reconcile.duration").tag("kind", kind).serviceLevelObjectives(BUCKETS)
        .description("reconcile duration").register(registry).record(duration);
  }

  /** Sets {@code servicerouter_leader}. */
  public void leader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  /** Whether this instance leads (what {@code servicerouter_leader} reports). */
  public boolean isLeader() {
    return leader.get() == 1;
  }

  /** The registry, for JOSDK's own meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Runs {@code refresh} before every scrape, for gauges computed from the caches. */
  public void beforeScrape(Runnable refresh) {
    refreshers.add(refresh);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    refreshers.forEach(Runnable::run);
    return registry.scrape();
  }

  /** Stops listening to GC notifications (the only binder that holds a JVM-wide listener) and closes the registry. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private static double residentBytes() {
    try (Stream<String> lines = Files.lines(PROC_STATUS)) {
      return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
          .map(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024).orElse(Double.NaN);
    } catch (IOException | UncheckedIOException e) {
      return Double.NaN;
    }
  }
}
