package io.servicerouter.operator.zonelease;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.servicerouter.failover.ProbeStreak;
import io.servicerouter.failover.ProbeStreak.Verdict;
import io.servicerouter.model.cluster.FailoverRegion;
import io.servicerouter.model.cluster.GatewayProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Probes the gateway of every region of {@code spec.failover.regions} from this cluster, each at its interval, and
 * keeps the verdicts ({@link ProbeStreak}): a standby takes over only from a home whose gateway it sees unhealthy,
 * a deposed home claims only when it sees its own healthy. Exported as
 * {@code servicerouter_region_probe_healthy{region}} (1 healthy, 0 unhealthy, -1 not known yet).
 */
final class GatewayProbes implements AutoCloseable {

  private record Running(GatewayProbe probe, ProbeStreak streak, ScheduledFuture<?> task) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
    Thread thread = new Thread(runnable, "gateway-probes");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Running> running = new HashMap<>();
  private final Map<String, AtomicLong> healthy = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  GatewayProbes(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Probes exactly these regions from now on; a region whose probe settings did not change keeps its verdict. */
  synchronized void probe(List<FailoverRegion> regions) {
    Map<String, GatewayProbe> wanted = new HashMap<>();
    regions.forEach(region -> wanted.put(region.getRegion(), region.getProbe()));
    running.entrySet().removeIf(entry -> {
      boolean stale = !sameProbe(wanted.get(entry.getKey()), entry.getValue().probe());
      if (stale) {
        entry.getValue().task().cancel(false);
        gauge(entry.getKey()).set(-1);
      }
      return stale;
    });
    wanted.forEach((region, probe) -> running.computeIfAbsent(region, r -> start(r, probe)));
  }

  /** The verdict on {@code region}'s gateway; unknown when it is not probed. */
  synchronized Verdict verdict(String region) {
    Running probe = running.get(region);
    return probe == null ? Verdict.UNKNOWN : probe.streak().verdict();
  }

  private Running start(String region, GatewayProbe probe) {
    ProbeStreak streak = new ProbeStreak(probe.getFailureThreshold(), probe.getSuccessThreshold());
    AtomicLong gauge = gauge(region);
    HttpRequest request = HttpRequest.newBuilder(URI.create(probe.getUrl()))
        .timeout(Duration.ofMillis(probe.getTimeoutMilliseconds())).GET().build();
    ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
      Verdict verdict = streak.record(succeeds(request));
      gauge.set(verdict == Verdict.HEALTHY ? 1 : verdict == Verdict.UNHEALTHY ? 0 : -1);
    }, 0, probe.getIntervalMilliseconds(), TimeUnit.MILLISECONDS);
    return new Running(probe, streak, task);
  }

  private boolean succeeds(HttpRequest request) {
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false; // unreachable, refused, timed out: a failed probe
    }
  }

  private AtomicLong gauge(String region) {
    return healthy.computeIfAbsent(region, r -> {
      AtomicLong value = new AtomicLong(-1);
      Gauge.builder("servicerouter.region.probe.healthy", value, AtomicLong::get).tag("region", r)
          .description("1 when this cluster's probes see the region's gateway healthy, 0 unhealthy, -1 unknown")
          .register(registry);
      return value;
    });
  }

  private static boolean sameProbe(GatewayProbe a, GatewayProbe b) {
    return a != null && b != null && a.getUrl().equals(b.getUrl())
        && a.getIntervalMilliseconds().equals(b.getIntervalMilliseconds())
        && a.getTimeoutMilliseconds().equals(b.getTimeoutMilliseconds())
        && a.getFailureThreshold().equals(b.getFailureThreshold())
        && a.getSuccessThreshold().equals(b.getSuccessThreshold());
  }

  @Override
  public synchronized void close() {
    scheduler.shutdownNow();
    running.clear();
  }
}
