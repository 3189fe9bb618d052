package io.servicerouter.zoneagent;

import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.zoneagent.rfc2136.RecordMapping;
import io.servicerouter.zoneagent.rfc2136.Rfc2136Zone;
import io.servicerouter.zoneagent.rfc2136.UpdateBatches;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import io.servicerouter.zoneagent.webhook.Changes;
import io.servicerouter.zoneagent.webhook.Endpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Update;

/**
 * Writes one zone for ExternalDNS, fenced: reads the lease, refuses when it names another cluster, and sends the
 * changes in UPDATEs that each carry the prerequisite "the lease is exactly what I read", so the DNS server
 * applies a write only if this cluster holds the lease at that instant, whatever happened since the read (a
 * pause, a takeover, a partition). The zone's home creates the first lease. In automatic failover the writer
 * also stops once its lease renewals are late ({@link RenewDeadline}), before a standby may take the zone over.
 */
public final class FencedZoneWriter {

  private static final Logger LOG = LoggerFactory.getLogger(FencedZoneWriter.class);

  private final Rfc2136Zone zone;
  private final ZoneLease lease;
  private final Holder self;
  private final Holder home;
  private final UpdateBatches batches;
  private final FenceMetrics metrics;
  private final RenewDeadline deadline;
  private final Runnable afterLeaseRead;

  /**
   * @param zone the zone written
   * @param lease its lease record
   * @param self this cluster
   * @param home the cluster of the zone's region, which creates the first lease
   * @param mapping how endpoints become records
   * @param metrics where writes and refusals are counted
   * @param deadline the renewals' deadline, checked before the lease is read and before every message sent
   * @param afterLeaseRead runs between the lease read and the UPDATE: a test hook that delays a write until it is
   *     stale; production passes a no-op
   */
  public FencedZoneWriter(Rfc2136Zone zone, ZoneLease lease, Holder self, Holder home, RecordMapping mapping,
      FenceMetrics metrics, RenewDeadline deadline, Runnable afterLeaseRead) {
    this.zone = zone;
    this.lease = lease;
    this.self = self;
    this.home = home;
    this.batches = new UpdateBatches(mapping);
    this.metrics = metrics;
    this.deadline = deadline;
    this.afterLeaseRead = afterLeaseRead;
  }

  /** The zone's record sets as ExternalDNS's in-tree RFC 2136 provider lists them, without the fence's records. */
  public List<Endpoint> records() throws IOException {
    return RecordMapping.endpoints(zone.transfer());
  }

  /**
   * Applies one sync pass's changes under this cluster's lease.
   *
   * @throws Refusal.Refused when the lease is another cluster's or changed, its renewals are past their deadline,
   *     or the DNS server failed; messages
   *     committed before the refusal stay (ExternalDNS plans the rest again next pass)
   */
  public void apply(Changes changes) throws Refusal.Refused {
    if (changes.isEmpty()) {
      return;
    }
    checkDeadline();
    Lease held = heldLease();
    afterLeaseRead.run();
    for (Update update : batches.messages(changes, () -> conditioned(held))) {
      checkDeadline();
      int rcode = send(update);
      if (rcode == Rcode.NXRRSET) {
        throw refuse(Refusal.LEASE_CHANGED, "the DNS server refused the write: the lease is no longer '" + held
            + "' (NXRRSET)");
      }
      if (rcode != Rcode.NOERROR) {
        throw refuse(Refusal.DNS_ERROR, "the DNS server refused the write: " + Rcode.string(rcode));
      }
      metrics.committed();
    }
  }

  /** The current lease, created first when the zone has none and this cluster is its home. */
  private Lease heldLease() throws Refusal.Refused {
    Optional<Lease> current;
    try {
      current = lease.read();
      if (current.isEmpty() && self.equals(home)) {
        ZoneLease.Outcome outcome = lease.create(Lease.first(home));
        LOG.info("lease of {}: '{}' created by the zone's home: {}", zone, Lease.first(home), outcome);
        current = lease.read();
      }
    } catch (IOException e) {
      throw refuse(Refusal.DNS_ERROR, "cannot read the lease of " + zone + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      throw refuse(Refusal.LEASE_UNREADABLE, e.getMessage());
    }
    if (current.isEmpty()) {
      throw refuse(Refusal.NO_LEASE, zone + " has no lease yet; its home " + home + " creates it");
    }
    if (!current.get().heldBy(self)) {
      throw refuse(Refusal.NOT_HOLDER, "the lease of " + zone + " is '" + current.get() + "', not " + self);
    }
    return current.get();
  }

  /** Refuses when the lease renewals are late: before anything is read, and again before every message. */
  private void checkDeadline() throws Refusal.Refused {
    Optional<String> late = deadline.expired();
    if (late.isPresent()) {
      throw refuse(Refusal.RENEW_DEADLINE, late.get());
    }
  }

  private Update conditioned(Lease held) {
    Update update = zone.update();
    update.present(lease.prerequisite(held));
    return update;
  }

  private int send(Update update) throws Refusal.Refused {
    try {
      return zone.send(update);
    } catch (IOException e) {
      throw refuse(Refusal.DNS_ERROR, "no answer from " + zone + ": " + e.getMessage());
    }
  }

  private Refusal.Refused refuse(Refusal refusal, String message) {
    metrics.refused(refusal);
    LOG.warn("write refused ({}): {}", refusal.reason(), message);
    return new Refusal.Refused(refusal, message);
  }
}
