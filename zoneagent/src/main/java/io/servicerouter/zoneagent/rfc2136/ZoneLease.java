package io.servicerouter.zoneagent.rfc2136;

import io.servicerouter.fence.FenceRecords;
import io.servicerouter.fence.Lease;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The lease record of one zone, read and changed only by compare-and-swap in one UPDATE: creation with the
 * prerequisite "RRset does not exist", every other change with "RRset exists (value dependent)" on the value the
 * caller read (RFC 2136 §2.4). The DNS server serializes the UPDATEs of a zone, so of several clients swapping the
 * same value exactly one succeeds.
 */
public final class ZoneLease {

  /** What a compare-and-swap did. */
  public enum Outcome {
    /** The server committed the new value. */
    CHANGED,
    /** The prerequisite failed: the lease was not (or no longer) what the caller expected. Nothing changed. */
    CONFLICT
  }

  /** The TTL of the lease record: the agents read it from the primary, resolvers never need it for long. */
  private static final long TTL = 5;

  private final Rfc2136Zone zone;
  private final Name name;

  /** @param zone the zone; @param records the fence's record names in it */
  public ZoneLease(Rfc2136Zone zone, FenceRecords records) {
    this.zone = zone;
    this.name = Names.absolute(records.lease());
  }

  /**
   * The current lease, empty when the zone has none.
   *
   * @throws IllegalStateException when the record exists but is not one lease (several values, or not a lease)
   */
  public Optional<Lease> read() throws IOException {
    List<String> values = zone.txt(name);
    if (values.size() > 1) {
      throw new IllegalStateException(name + " has " + values.size() + " TXT records, a lease is one: " + values);
    }
    return values.stream().findFirst().map(ZoneLease::parse);
  }

  /** Creates the first lease of a zone that has none ("RRset does not exist"). */
  public Outcome create(Lease first) throws IOException {
    Update update = zone.update();
    update.absent(name, Type.TXT);
    update.add(record(first, TTL));
    return outcome(zone.send(update), Rcode.YXRRSET, "create " + first);
  }

  /** Replaces {@code expected} by {@code next}, only if the lease is exactly {@code expected} at that instant. */
  public Outcome swap(Lease expected, Lease next) throws IOException {
    Update update = zone.update();
    update.present(prerequisite(expected));
    update.delete(name, Type.TXT);
    update.add(record(next, TTL));
    return outcome(zone.send(update), Rcode.NXRRSET, "swap " + expected + " for " + next);
  }

  /** The prerequisite "the lease is exactly {@code lease}" (prerequisite records carry TTL 0, RFC 2136 §2.4). */
  public TXTRecord prerequisite(Lease lease) {
    return record(lease, 0);
  }

  private TXTRecord record(Lease lease, long ttl) {
    return new TXTRecord(name, DClass.IN, ttl, lease.text());
  }

  private Outcome outcome(int rcode, int conflict, String what) throws IOException {
    if (rcode == Rcode.NOERROR) {
      return Outcome.CHANGED;
    }
    if (rcode == conflict) {
      return Outcome.CONFLICT;
    }
    throw new IOException(what + " in " + zone + ": " + Rcode.string(rcode));
  }

  private static Lease parse(String text) {
    try {
      return Lease.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the zone's lease record is unreadable: " + e.getMessage(), e);
    }
  }
}
