package io.servicerouter.operator.zonelease;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.servicerouter.failover.ZoneWatch;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseIntent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The zone leases as this cluster's agents last read them: {@code servicerouter_zone_lease_epoch{controller}} and
 * {@code servicerouter_zone_role{controller,role}} (1 for the current role, 0 for the others): {@code Owner} (the
 * home holds its zone), {@code Adopted} (this cluster holds another region's zone), {@code Standby} (another
 * cluster holds it), {@code NoLease}, and with automatic failover the other states of {@link ZoneWatch.State}
 * ({@code Suspect}, {@code TakingOver}, {@code HandingBack}, {@code Deposed}, {@code AwaitingApproval}).
 */
final class ZoneLeaseMetrics {

  private static final List<String> ROLES = java.util.Arrays.stream(ZoneWatch.State.values()).map(FailoverLoop::role)
      .toList();

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> epochs = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> roles = new ConcurrentHashMap<>();

  ZoneLeaseMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** This cluster's role in a zone's lease (the metric's and the status's {@code role}). */
  static String role(Holder self, LeaseIntent intent, Optional<Lease> lease) {
    return lease.isEmpty() ? "NoLease" : !lease.get().heldBy(self) ? "Standby" : intent.home() ? "Owner" : "Adopted";
  }

  void observed(String controller, String role, Optional<Lease> lease) {
    epochs.computeIfAbsent(controller, c -> {
      AtomicLong epoch = new AtomicLong();
      Gauge.builder("servicerouter.zone.lease.epoch", epoch, AtomicLong::get).tag("controller", c)
          .description("epoch of the zone's lease as this cluster's zone agent read it").register(registry);
      return epoch;
    }).set(lease.map(Lease::epoch).orElse(0L));
    for (String candidate : ROLES) {
      roles.computeIfAbsent(controller + "/" + candidate, key -> {
        AtomicLong value = new AtomicLong();
        Gauge.builder("servicerouter.zone.role", value, AtomicLong::get).tag("controller", controller)
            .tag("role", candidate).description("1 for this cluster's role in the zone's lease").register(registry);
        return value;
      }).set(candidate.equals(role) ? 1 : 0);
    }
  }
}
