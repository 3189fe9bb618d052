package io.servicerouter.fence;

/**
 * What one compare-and-swap on a zone's fence records did (a renewal, a takeover, a claim): whether the DNS server
 * committed it, and the fence's records afterwards. A conflict is an answer, not an error: a record was no longer
 * the value the caller expected (another cluster took the lease, the holder renewed, the home claimed again), and
 * {@code state} shows what it is now.
 *
 * @param changed whether the change was committed
 * @param state the records after the change, or as read after the conflict
 */
public record LeaseOp(boolean changed, FenceState state) {
}
