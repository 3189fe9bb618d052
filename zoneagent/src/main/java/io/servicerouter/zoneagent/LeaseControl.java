package io.servicerouter.zoneagent;

import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease changes a cluster asks its agent for in a manual failover (docs/operations.md): break glass (take the
 * zone now, by compare-and-swap against whatever the lease is) and hand back (give the zone to its home after the
 * adopter removed its records). From the instant of the swap the former holder's writes are refused by the DNS
 * server. Every change writes the new lease's first heartbeat with it, and one that gives the zone to its home
 * deletes the home's claim ({@link ZoneLease}).
 */
public final class LeaseControl {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseControl.class);
  /** A swap loses only to a concurrent change; a few tries settle any realistic race. */
  private static final int ATTEMPTS = 5;

  private final ZoneLease lease;
  private final Holder self;
  private final Holder home;

  /** @param lease the zone's lease; @param self this cluster; @param home the zone's home cluster */
  public LeaseControl(ZoneLease lease, Holder self, Holder home) {
    this.lease = lease;
    this.self = self;
    this.home = home;
  }

  /** The lease as the DNS server has it now. */
  public Optional<Lease> current() throws IOException {
    return lease.read();
  }

  /** The fence's records (lease, heartbeat, claim) as the DNS server has them now. */
  public FenceState state() throws IOException {
    return lease.state();
  }

  /** Takes the lease for this cluster now (a new epoch), unless it already holds it; returns the lease held. */
  public Lease take() throws IOException {
    return moveTo(self);
  }

  /**
   * Gives the lease to the zone's home (a new epoch) if this cluster holds it, deleting the home's claim in the same
   * UPDATE ({@link ZoneLease}); returns the lease then (empty while the zone has none).
   */
  public Optional<Lease> release() throws IOException {
    Optional<Lease> current = lease.read();
    if (current.isEmpty() || !current.get().heldBy(self) || self.equals(home)) {
      return current;
    }
    return Optional.of(moveTo(home));
  }

  private Lease moveTo(Holder holder) throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Lease> current = lease.read();
      if (current.isPresent() && current.get().heldBy(holder)) {
        return current.get();
      }
      Lease next = current.map(l -> l.takenBy(holder)).orElse(Lease.first(holder));
      ZoneLease.Outcome outcome = current.isPresent() ? lease.swap(current.get(), next) : lease.create(next);
      if (outcome == ZoneLease.Outcome.CHANGED) {
        LOG.info("lease moved: '{}' -> '{}'", current.map(Lease::text).orElse("none"), next);
        return next;
      }
    }
    throw new IOException("the lease kept changing during " + ATTEMPTS + " attempts to give it to " + holder);
  }
}
