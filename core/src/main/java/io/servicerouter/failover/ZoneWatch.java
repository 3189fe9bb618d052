package io.servicerouter.failover;

import io.servicerouter.failover.ProbeStreak.Verdict;
import io.servicerouter.fence.Claim;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import java.util.Optional;

/**
 * One cluster's view of one fenced zone in automatic failover (docs/operations.md §6.5, the state table): fed the
 * zone's fence records at each look, with the cluster's monotonic time, it says the cluster's state in the zone,
 * what to do now, and whether the cluster serves the zone's region by adoption. Rules:
 * <ul>
 *   <li>The holder renews its heartbeat every renew interval (the home as {@link State#OWNER}, an adopter as
 *   {@link State#ADOPTED}); the home also renews while the zone has no lease (its agent creates it).</li>
 *   <li>A standby of the home's region takes over only when both hold: the heartbeat stood still for the lease
 *   duration plus its rank delay, and the home's gateway probe is {@link Verdict#UNHEALTHY}. A still heartbeat with
 *   a healthy or unknown gateway is {@link State#SUSPECT}: nothing is moved (fail static).</li>
 *   <li>A home whose lease another cluster holds is {@link State#DEPOSED}: it claims the zone back every renew
 *   interval once its own gateway is healthy (and, with a manual hand-back, the reclaim of that epoch is
 *   approved); it takes the zone back by itself, without a probe, when the adopter's heartbeat stood still for the
 *   lease duration (the home is the steady state).</li>
 *   <li>An adopter hands back when the home's claim kept changing for the stable time, the home's gateway is
 *   healthy and the adoption lasted the minimum: it stops serving the region ({@link State#HANDING_BACK}); the
 *   zone lease controller gives the lease to the home once the adopter's DNSEndpoints for the zone are gone.</li>
 *   <li>Nothing is done while the cluster's own control plane is unreachable: a cluster that cannot run its
 *   operator must not look alive (its heartbeat stops) nor act.</li>
 * </ul>
 * Not thread-safe: one failover loop calls it.
 */
public final class ZoneWatch {

  /** The cluster's state in the zone. */
  public enum State {
    /** The zone has no lease yet. */
    NO_LEASE,
    /** The home holds its zone. */
    OWNER,
    /** Another cluster holds the zone and its heartbeat changes. */
    STANDBY,
    /** The holder's heartbeat stands still; its gateway is not (yet) known unhealthy. */
    SUSPECT,
    /** A takeover is asked for. */
    TAKING_OVER,
    /** This cluster holds another region's zone and serves the region. */
    ADOPTED,
    /** This cluster still holds another region's zone but no longer serves it: the hand-back is under way. */
    HANDING_BACK,
    /** The home lost its zone to an adopter and claims it back. */
    DEPOSED,
    /** The home lost its zone; the hand-back is manual and the reclaim of this epoch is not approved. */
    AWAITING_APPROVAL
  }

  /** What to ask the zone agent now. */
  public enum Action {
    /** Nothing. */
    NONE,
    /** Renew the heartbeat (create the lease, for the home of a zone without one). */
    RENEW,
    /** Take the lease over from exactly the observed lease and heartbeat. */
    TAKE_OVER,
    /** Renew the home's claim. */
    CLAIM
  }

  /**
   * The outcome of one look.
   *
   * @param state the cluster's state in the zone
   * @param action what to do now
   * @param expectedLease for {@link Action#TAKE_OVER}: the lease to swap
   * @param expectedHeartbeat for {@link Action#TAKE_OVER}: the heartbeat that stood still (empty: none)
   * @param servesRegion whether this cluster serves the zone's region by automatic adoption
   * @param heartbeatAge how long the heartbeat has stood still, in nanoseconds
   * @param reason why, for logs, Events and status
   */
  public record Decision(State state, Action action, Optional<Lease> expectedLease,
      Optional<Heartbeat> expectedHeartbeat, boolean servesRegion, long heartbeatAge, String reason) {
  }

  private final Holder self;
  private final String homeRegion;
  private final int rank;
  private final Timing timing;
  private final ChangeClock<Heartbeat> heartbeat;
  private final ChangeClock<Claim> claim;
  private long lastRenewal = Long.MIN_VALUE;
  private long adoptedSince = Long.MIN_VALUE;
  private boolean handingBack;

  /**
   * @param self this cluster
   * @param homeRegion the zone's region (its home is the cluster of that region)
   * @param rank this cluster's place among the region's standbys (0 first), or -1 when it is none
   * @param timing the failover's durations
   */
  public ZoneWatch(Holder self, String homeRegion, int rank, Timing timing) {
    this.self = self;
    this.homeRegion = homeRegion;
    this.rank = rank;
    this.timing = timing;
    this.heartbeat = new ChangeClock<>(timing.leaseDuration());
    this.claim = new ChangeClock<>(timing.leaseDuration());
  }

  /**
   * One look at the zone.
   *
   * @param now this cluster's monotonic time, in nanoseconds
   * @param fence the zone's lease, heartbeat and claim as read now
   * @param homeGateway the verdict of the probe of the home region's gateway
   * @param approvedEpoch the epoch whose reclaim the home's ClusterIdentity approves (manual hand-back)
   * @param controlPlaneUp whether this cluster's API server answered lately; when not, no action
   */
  public Decision observe(long now, FenceState fence, Verdict homeGateway, Optional<Long> approvedEpoch,
      boolean controlPlaneUp) {
    heartbeat.observe(fence.heartbeat(), now);
    claim.observe(fence.claim(), now);
    Decision decision = decide(now, fence, homeGateway, approvedEpoch);
    if (!controlPlaneUp && decision.action() != Action.NONE) {
      return new Decision(decision.state(), Action.NONE, Optional.empty(), Optional.empty(),
          decision.servesRegion(), decision.heartbeatAge(), "own control plane unreachable: " + decision.reason());
    }
    if (decision.action() == Action.RENEW || decision.action() == Action.CLAIM) {
      lastRenewal = now;
    }
    return decision;
  }

  private Decision decide(long now, FenceState fence, Verdict homeGateway, Optional<Long> approvedEpoch) {
    long age = heartbeat.unchangedFor(now);
    boolean isHome = self.region().equals(homeRegion);
    if (fence.lease().isEmpty()) {
      return isHome ? periodic(now, State.NO_LEASE, Action.RENEW, false, age, "the zone has no lease: create it")
          : decision(State.NO_LEASE, Action.NONE, false, age, "the zone has no lease; its home in " + homeRegion
              + " creates it");
    }
    Lease lease = fence.lease().get();
    if (lease.heldBy(self)) {
      if (isHome) {
        return periodic(now, State.OWNER, Action.RENEW, false, age, "home holds epoch " + lease.epoch());
      }
      return adopted(now, lease, homeGateway, age);
    }
    adoptedSince = Long.MIN_VALUE;
    handingBack = false;
    if (isHome) {
      return deposed(now, fence, lease, homeGateway, approvedEpoch, age);
    }
    if (rank < 0 || !isHomeOf(lease.holder())) {
      return decision(State.STANDBY, Action.NONE, false, age, lease.holder() + " holds epoch " + lease.epoch());
    }
    if (age < 2 * timing.renewInterval()) {
      return decision(State.STANDBY, Action.NONE, false, age, "the home renews epoch " + lease.epoch());
    }
    long wait = timing.leaseDuration() + timing.rankDelay(rank);
    if (age >= wait && homeGateway == Verdict.UNHEALTHY) {
      return takeOver(fence, lease, age, "the home's heartbeat stood still for " + seconds(age)
          + " s and its gateway failed its probes");
    }
    return decision(State.SUSPECT, Action.NONE, false, age, "the home's heartbeat stands still for " + seconds(age)
        + " s; gateway " + homeGateway + (homeGateway == Verdict.UNHEALTHY ? ", waiting " + seconds(wait) + " s"
        : ": not taken over (fail static)"));
  }

  private Decision adopted(long now, Lease lease, Verdict homeGateway, long age) {
    if (adoptedSince == Long.MIN_VALUE) {
      adoptedSince = now;
    }
    Optional<Claim> homeClaim = claim.value().filter(c -> isHomeOf(c.home()));
    boolean claimStable = homeClaim.isPresent() && claim.liveFor(now) >= timing.handbackStable();
    if (!handingBack && claimStable && homeGateway == Verdict.HEALTHY
        && now - adoptedSince >= timing.minAdopted()) {
      handingBack = true;
    }
    return handingBack
        ? periodic(now, State.HANDING_BACK, Action.RENEW, false, age, "the home in " + homeRegion + " claimed epoch "
            + lease.epoch() + " back: handing back once this cluster's DNSEndpoints for the zone are gone")
        : periodic(now, State.ADOPTED, Action.RENEW, true, age, "adopted in epoch " + lease.epoch());
  }

  private Decision deposed(long now, FenceState fence, Lease lease, Verdict ownGateway, Optional<Long> approvedEpoch,
      long age) {
    if (age >= timing.leaseDuration()) {
      return takeOver(fence, lease, age, "the adopter's heartbeat stood still for " + seconds(age)
          + " s: the home takes its zone back");
    }
    if (timing.manualHandback() && !approvedEpoch.equals(Optional.of(lease.epoch()))) {
      return decision(State.AWAITING_APPROVAL, Action.NONE, false, age, lease.holder() + " holds epoch "
          + lease.epoch() + "; set spec.approveReclaimEpoch: " + lease.epoch() + " to claim the zone back");
    }
    if (ownGateway != Verdict.HEALTHY) {
      return decision(State.DEPOSED, Action.NONE, false, age, lease.holder() + " holds epoch " + lease.epoch()
          + "; claiming once this cluster's gateway is healthy (" + ownGateway + ")");
    }
    return periodic(now, State.DEPOSED, Action.CLAIM, false, age, lease.holder() + " holds epoch " + lease.epoch()
        + ": claiming the zone back");
  }

  private boolean isHomeOf(Holder holder) {
    return holder.region().equals(homeRegion);
  }

  private Decision takeOver(FenceState fence, Lease lease, long age, String reason) {
    return new Decision(State.TAKING_OVER, Action.TAKE_OVER, Optional.of(lease), fence.heartbeat(), false, age,
        reason);
  }

  /** An action repeated every renew interval: asked for when the last one is that old. */
  private Decision periodic(long now, State state, Action action, boolean serves, long age, String reason) {
    boolean due = lastRenewal == Long.MIN_VALUE || now - lastRenewal >= timing.renewInterval();
    return decision(state, due ? action : Action.NONE, serves, age, reason);
  }

  private static Decision decision(State state, Action action, boolean serves, long age, String reason) {
    return new Decision(state, action, Optional.empty(), Optional.empty(), serves, age, reason);
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
