package io.servicerouter.operator.zonelease;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Automatic failover's metrics: {@code servicerouter_zone_heartbeat_age_seconds{controller}} (how long the zone's
 * heartbeat has stood still, on this cluster's clock), {@code servicerouter_zone_lease_ops_total{op,result}}
 * ({@code op} renew, takeover, claim; {@code result} ok, conflict, error) and
 * {@code servicerouter_failover_duration_seconds} (from the first look at a still heartbeat to the takeover).
 */
final class FailoverMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> ages = new ConcurrentHashMap<>();
  private final Timer failover;

  FailoverMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.failover = Timer.builder("servicerouter.failover.duration")
        .description("from Suspect (a still heartbeat) to this cluster's takeover of the zone").register(registry);
  }

  void heartbeatAge(String controller, long nanos) {
    ages.computeIfAbsent(controller, c -> {
      AtomicLong age = new AtomicLong();
      Gauge.builder("servicerouter.zone.heartbeat.age.seconds", age, a -> a.get() / 1e9).tag("controller", c)
          .description("how long the zone's heartbeat has not changed, on this cluster's monotonic clock")
          .register(registry);
      return age;
    }).set(nanos);
  }

  void op(String op, String result) {
    Counter.builder("servicerouter.zone.lease.ops").tag("op", op).tag("result", result)
        .description("lease operations of automatic failover by result").register(registry).increment();
  }

  void failedOver(Duration sinceSuspect) {
    failover.record(sinceSuspect);
  }
}
