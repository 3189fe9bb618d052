/**
 * Automatic failover, pure (issue 15; docs/operations.md §6.5): per cluster and fenced zone, a state machine that
 * reads the zone's lease, heartbeat and claim and the verdicts of the gateway probes, timed with the cluster's own
 * monotonic clock (passed in, never read here), and says what to do: renew, take over, claim, or nothing, and
 * whether this cluster serves the zone's region. The operator's failover controller performs it.
 */
package io.servicerouter.failover;
