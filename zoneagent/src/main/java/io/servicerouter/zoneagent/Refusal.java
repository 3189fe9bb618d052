package io.servicerouter.zoneagent;

/**
 * Why the agent refused a write. ExternalDNS gets HTTP 503 for each (a soft error: it retries next interval and
 * keeps running), and {@code servicerouter_fence_rejected_total{reason}} counts it.
 */
public enum Refusal {
  /** The lease names another cluster: checked before sending anything. */
  NOT_HOLDER("not_holder"),
  /** The DNS server refused the UPDATE because the lease changed after the agent read it (NXRRSET). */
  LEASE_CHANGED("lease_changed"),
  /** The zone has no lease and this cluster is not the zone's home, which alone creates it. */
  NO_LEASE("no_lease"),
  /** The lease record exists but is not one lease this agent reads. */
  LEASE_UNREADABLE("lease_unreadable"),
  /**
   * The last successful renewal of the lease started more than the renew deadline ago (automatic failover): a
   * standby may take the zone soon, so this holder stops writing first ({@link RenewDeadline}).
   */
  RENEW_DEADLINE("renew_deadline"),
  /** The DNS server did not answer, or answered an UPDATE with an error other than a failed prerequisite. */
  DNS_ERROR("dns_error");

  private final String reason;

  Refusal(String reason) {
    this.reason = reason;
  }

  /** The metric label. */
  public String reason() {
    return reason;
  }

  /** A write the fence did not let through. */
  public static final class Refused extends Exception {

    private final Refusal refusal;

    /** @param refusal why; @param message what, for the log and the HTTP body */
    public Refused(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    /** Why. */
    public Refusal refusal() {
      return refusal;
    }
  }
}
