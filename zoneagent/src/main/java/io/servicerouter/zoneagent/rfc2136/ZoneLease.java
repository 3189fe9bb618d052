package io.servicerouter.zoneagent.rfc2136;

import io.servicerouter.fence.Claim;
import io.servicerouter.fence.FenceRecords;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Update;

/**
 * The fence's records of one zone (lease, heartbeat, claim: fencing.md §2.2), read by queries and changed only by
 * compare-and-swap, each change one UPDATE whose prerequisites are the values the caller read ("RRset exists,
 * value dependent", or "RRset does not exist" for a record read absent; RFC 2136 §2.4). The DNS server serializes
 * the UPDATEs of a zone, so of several clients swapping the same values exactly one succeeds.
 *
 * <p>Every change of the lease writes the new lease's first heartbeat in the same UPDATE, so the heartbeat always
 * belongs to the lease once this agent changed it; a change that gives the lease to the zone's home (hand-back,
 * reclaim, bootstrap) also deletes the home's claim, which it answers, so a claim exists only while the zone is
 * away from home. A renewal changes only the heartbeat, so it never invalidates
 * the prerequisite of a data write in flight, which names the lease alone.
 */
public final class ZoneLease {

  /** What a compare-and-swap did. */
  public enum Outcome {
    /** The server committed the new values. */
    CHANGED,
    /** A prerequisite failed: a record was not (or no longer) what the caller expected. Nothing changed. */
    CONFLICT
  }

  private final Rfc2136Zone zone;
  private final Holder home;
  private final TxtCell lease;
  private final TxtCell heartbeat;
  private final TxtCell claim;

  /**
   * @param zone the zone
   * @param records the fence's record names in it
   * @param home the cluster of the zone's region, whose claim a lease change to it deletes
   */
  public ZoneLease(Rfc2136Zone zone, FenceRecords records, Holder home) {
    this.zone = zone;
    this.home = home;
    this.lease = new TxtCell(zone, records.lease(), "lease");
    this.heartbeat = new TxtCell(zone, records.heartbeat(), "heartbeat");
    this.claim = new TxtCell(zone, records.claim(), "claim");
  }

  /**
   * The current lease, empty when the zone has none.
   *
   * @throws IllegalStateException when the record exists but is not one lease (several values, or not a lease)
   */
  public Optional<Lease> read() throws IOException {
    return lease.read(Lease::parse);
  }

  /**
   * The three records now (three queries, so not one instant: each compare-and-swap checks again what it
   * relies on).
   *
   * @throws IllegalStateException when a record exists but is unreadable
   */
  public FenceState state() throws IOException {
    return new FenceState(read(), heartbeat.read(Heartbeat::parse), claim.read(Claim::parse));
  }

  /**
   * Creates the first lease of a zone that has none ("RRset does not exist"), with its first heartbeat (break glass
   * may create it for a cluster other than the home).
   */
  public Outcome create(Lease first) throws IOException {
    Update update = zone.update();
    lease.expect(update, Optional.empty());
    changeLease(update, first);
    return send(update, "create " + first);
  }

  /** Replaces {@code expected} by {@code next}, only if the lease is exactly {@code expected} at that instant. */
  public Outcome swap(Lease expected, Lease next) throws IOException {
    Update update = leaseIs(expected);
    changeLease(update, next);
    return send(update, "swap " + expected + " for " + next);
  }

  /**
   * Renews the lease {@code held}: replaces the heartbeat by {@code next} only if the lease is {@code held} and the
   * heartbeat is {@code expected} (absent when empty). The lease record is not touched.
   */
  public Outcome renew(Lease held, Optional<Heartbeat> expected, Heartbeat next) throws IOException {
    Update update = leaseIs(held);
    heartbeat.expect(update, expected.map(Heartbeat::text));
    heartbeat.replace(update, next.text());
    return send(update, "renew " + held + " with " + next);
  }

  /**
   * Takes over an expired lease: replaces {@code expected} by {@code next} (and the heartbeat by next's first) only
   * if the lease is {@code expected} and the heartbeat still {@code expectedHeartbeat} (absent when empty), the
   * values the caller watched stand still.
   */
  public Outcome takeOver(Lease expected, Optional<Heartbeat> expectedHeartbeat, Lease next) throws IOException {
    Update update = leaseIs(expected);
    heartbeat.expect(update, expectedHeartbeat.map(Heartbeat::text));
    changeLease(update, next);
    return send(update, "take over " + expected + " as " + next);
  }

  /** Replaces the claim {@code expected} (absent when empty) by {@code next}. */
  public Outcome claim(Optional<Claim> expected, Claim next) throws IOException {
    Update update = zone.update();
    claim.expect(update, expected.map(Claim::text));
    claim.replace(update, next.text());
    return send(update, "claim " + next);
  }

  /** The prerequisite "the lease is exactly {@code lease}", which every fenced data write carries. */
  public TXTRecord prerequisite(Lease lease) {
    return this.lease.prerequisite(lease.text());
  }

  private Update leaseIs(Lease expected) {
    Update update = zone.update();
    lease.expect(update, Optional.of(expected.text()));
    return update;
  }

  private void changeLease(Update update, Lease next) {
    lease.replace(update, next.text());
    heartbeat.replace(update, Heartbeat.first(next).text());
    if (next.heldBy(home)) {
      claim.delete(update);
    }
  }

  /** NOERROR is a change, a failed prerequisite (NXRRSET, YXRRSET) a conflict, anything else an error. */
  private Outcome send(Update update, String what) throws IOException {
    int rcode = zone.send(update);
    if (rcode == Rcode.NOERROR) {
      return Outcome.CHANGED;
    }
    if (rcode == Rcode.NXRRSET || rcode == Rcode.YXRRSET) {
      return Outcome.CONFLICT;
    }
    throw new IOException(what + " in " + zone + ": " + Rcode.string(rcode));
  }
}
