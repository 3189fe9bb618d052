package io.servicerouter.operator.zonelease;

import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseOp;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The lease operations of this cluster's zone agents, each named by its management URL: those of manual failover
 * (take, release) and those of automatic failover (renew, take over, claim), whose conflicts are answers
 * ({@link LeaseOp#changed()} false, with the records as they are now), not errors. An {@link IOException} means the
 * agent or its DNS server did not answer, or answered something else.
 */
public interface ZoneAgents {

  /** The zone's fence records (lease, heartbeat, claim) as the agent reads them from the DNS server now. */
  FenceState state(String agent) throws IOException;

  /** The lease as the agent reads it from the DNS server now; empty while the zone has none. */
  default Optional<Lease> current(String agent) throws IOException {
    return state(agent).lease();
  }

  /** Makes this cluster the holder (a no-op when it is); the lease afterwards. */
  Optional<Lease> take(String agent) throws IOException;

  /** Gives the lease to the zone's home if this cluster holds it; the lease afterwards. */
  Optional<Lease> release(String agent) throws IOException;

  /**
   * Renews this cluster's lease: the next heartbeat (the lease's creation when the zone has none and this cluster is
   * its home), after which the agent refuses data writes whenever this cluster's last successful renewal started
   * more than {@code deadline} ago. Not changed when another cluster holds the lease (this cluster is deposed) or the
   * records changed meanwhile.
   */
  LeaseOp renew(String agent, Duration deadline) throws IOException;

  /**
   * Takes over the lease {@code expected}, whose heartbeat this cluster saw stand still at
   * {@code expectedHeartbeat} (empty: the zone had none): one compare-and-swap on both, to the next epoch held by
   * this cluster. Not changed when the lease moved on or the holder renewed.
   *
   * @throws IllegalArgumentException when {@code expectedHeartbeat} is not of {@code expected}'s holder and epoch
   *     (the agent compares a heartbeat of the lease's own epoch)
   */
  LeaseOp takeOver(String agent, Lease expected, Optional<Heartbeat> expectedHeartbeat) throws IOException;

  /**
   * Writes the home's next claim for its zone, having seen the lease of epoch {@code seenEpoch} held elsewhere.
   * Not changed when this cluster is not the zone's home or the claim changed meanwhile.
   */
  LeaseOp claim(String agent, long seenEpoch) throws IOException;
}
