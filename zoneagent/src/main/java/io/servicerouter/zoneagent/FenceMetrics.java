package io.servicerouter.zoneagent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The agent's Prometheus meters: {@code servicerouter_fence_writes_total} (UPDATE messages the DNS server
 * committed) and {@code servicerouter_fence_rejected_total{reason}} (writes refused, by {@link Refusal}).
 */
public final class FenceMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter writes = Counter.builder("servicerouter.fence.writes")
      .description("UPDATE messages the DNS server committed under this cluster's lease").register(registry);
  private final Map<Refusal, Counter> rejected = new EnumMap<>(Refusal.class);

  /** Registers every meter at zero, so that dashboards see them before the first event. */
  public FenceMetrics() {
    for (Refusal refusal : Refusal.values()) {
      rejected.put(refusal, Counter.builder("servicerouter.fence.rejected").tag("reason", refusal.reason())
          .description("Writes the fence refused (HTTP 503 to ExternalDNS), by reason").register(registry));
    }
  }

  void committed() {
    writes.increment();
  }

  void refused(Refusal refusal) {
    rejected.get(refusal).increment();
  }

  /** The committed UPDATE messages so far. */
  public double writes() {
    return writes.count();
  }

  /** The writes refused for {@code refusal} so far. */
  public double rejected(Refusal refusal) {
    return rejected.get(refusal).count();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
