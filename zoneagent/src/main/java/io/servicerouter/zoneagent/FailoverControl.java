package io.servicerouter.zoneagent;

import io.servicerouter.fence.Claim;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseOp;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import io.servicerouter.zoneagent.rfc2136.ZoneLease.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease operations of automatic failover (fencing.md §2.5), which the operator's state machine asks for: the
 * holder's renewal (a new heartbeat, and the renew deadline its writes keep to), a standby's takeover of a lease
 * whose heartbeat stood still, and the recovered home's claim. Each is one compare-and-swap against the values
 * read just before (or observed by the operator, for a takeover), tried once: a conflict is answered with the
 * records as they are now, and the operator decides (another cluster holds the lease: Deposed; the holder renewed:
 * Standby).
 */
public final class FailoverControl {

  private static final Logger LOG = LoggerFactory.getLogger(FailoverControl.class);

  private final ZoneLease lease;
  private final Holder self;
  private final Holder home;
  private final RenewDeadline deadline;

  /**
   * @param lease the zone's fence records
   * @param self this cluster
   * @param home the zone's home cluster
   * @param deadline where successful renewals are recorded for the writer
   */
  public FailoverControl(ZoneLease lease, Holder self, Holder home, RenewDeadline deadline) {
    this.lease = lease;
    this.self = self;
    this.home = home;
    this.deadline = deadline;
  }

  /**
   * Renews this cluster's lease: the next heartbeat of its epoch (its first when the heartbeat is absent or of
   * another epoch), and from its start the writes' deadline {@code renewDeadline}. When the zone has no lease and
   * this cluster is its home, creates it (bootstrap). Not changed when the lease is another cluster's, the zone has
   * no lease and this cluster is not its home, or the records changed since read.
   */
  public LeaseOp renew(Duration renewDeadline) throws IOException {
    long start = deadline.now();
    FenceState read = lease.state();
    if (read.lease().isEmpty()) {
      return self.equals(home) ? bootstrap(read, start, renewDeadline) : new LeaseOp(false, read);
    }
    Lease held = read.lease().get();
    if (!held.heldBy(self)) {
      return new LeaseOp(false, read);
    }
    Heartbeat next = read.heartbeat().filter(h -> h.belongsTo(held)).map(Heartbeat::next)
        .orElse(Heartbeat.first(held));
    if (lease.renew(held, read.heartbeat(), next) == Outcome.CONFLICT) {
      return conflict("renewal of " + held);
    }
    deadline.renewed(start, renewDeadline);
    return new LeaseOp(true, new FenceState(read.lease(), Optional.of(next), read.claim()));
  }

  /**
   * Takes over the lease of epoch {@code epoch} whose heartbeat the operator saw stand still: its seq
   * {@code heartbeatSeq}, or absent when empty. The expected values are the lease read now (if it still has that
   * epoch, it has that holder: an epoch has one) and that holder's heartbeat; the new lease is the next epoch, this
   * cluster's. Not changed when the lease moved on or the heartbeat changed (the holder renewed).
   */
  public LeaseOp takeOver(long epoch, OptionalLong heartbeatSeq) throws IOException {
    long start = deadline.now();
    FenceState read = lease.state();
    Optional<Lease> expected = read.lease().filter(l -> l.epoch() == epoch);
    if (expected.isEmpty()) {
      return new LeaseOp(false, read);
    }
    Lease seen = expected.get();
    Optional<Heartbeat> seenHeartbeat = heartbeatSeq.isPresent()
        ? Optional.of(new Heartbeat(seen.holder(), epoch, heartbeatSeq.getAsLong())) : Optional.empty();
    Lease next = seen.takenBy(self);
    if (lease.takeOver(seen, seenHeartbeat, next) == Outcome.CONFLICT) {
      return conflict("takeover of " + seen);
    }
    deadline.refreshed(start);
    LOG.info("lease taken over: '{}' (heartbeat '{}') -> '{}'", seen,
        seenHeartbeat.map(Heartbeat::text).orElse("none"), next);
    return new LeaseOp(true, new FenceState(Optional.of(next), Optional.of(Heartbeat.first(next)),
        next.heldBy(home) ? Optional.empty() : read.claim()));
  }

  /**
   * Writes the home's next claim for its zone, having seen the lease epoch {@code seenEpoch}: seq one more than
   * the claim read (0 when there is none). Not changed when this cluster is not the zone's home or the claim
   * changed since read.
   */
  public LeaseOp claim(long seenEpoch) throws IOException {
    FenceState read = lease.state();
    if (!self.equals(home)) {
      return new LeaseOp(false, read);
    }
    Optional<Claim> current = read.claim().filter(c -> c.home().equals(self));
    Claim next = current.map(c -> c.next(seenEpoch)).orElse(new Claim(self, seenEpoch, 0));
    if (lease.claim(read.claim(), next) == Outcome.CONFLICT) {
      return conflict("claim " + next);
    }
    return new LeaseOp(true, new FenceState(read.lease(), read.heartbeat(), Optional.of(next)));
  }

  private LeaseOp bootstrap(FenceState read, long start, Duration renewDeadline) throws IOException {
    Lease first = Lease.first(home);
    if (lease.create(first) == Outcome.CONFLICT) {
      return conflict("creation of " + first);
    }
    deadline.renewed(start, renewDeadline);
    LOG.info("lease of the zone created by its home on its first renewal: '{}'", first);
    return new LeaseOp(true, new FenceState(Optional.of(first), Optional.of(Heartbeat.first(first)),
        Optional.empty()));
  }

  private LeaseOp conflict(String what) throws IOException {
    FenceState now = lease.state();
    LOG.info("{}: conflict, the fence records are now {}", what, now.toJson());
    return new LeaseOp(false, now);
  }
}
