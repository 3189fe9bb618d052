package io.servicerouter.fence;

/** What this cluster's operator asks a zone agent to do with its zone's lease. */
public enum LeaseAction {
  /** Hold the lease: take it now by compare-and-swap if another cluster holds it (break glass on adoption). */
  TAKE,
  /** Give the lease to the zone's home if this cluster holds it (hand-back, once its DNSEndpoints are gone). */
  RELEASE,
  /** Leave the lease alone: the zone's home (its agent creates and keeps it), or a hand-back still under way. */
  NONE
}
