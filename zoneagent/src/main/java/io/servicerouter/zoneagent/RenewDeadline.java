package io.servicerouter.zoneagent;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The holder's own bound on its writes in automatic failover (fencing.md §2.5, renew deadline D): the agent refuses
 * data writes when the last successful renewal of its lease started more than D ago, so that it stops writing
 * before a standby, which waits a lease duration L &gt; D from its first sight of an unchanged heartbeat, may take
 * the zone over. Measured with a monotonic clock (no wall time, no clock compared across clusters); D comes with
 * each renewal from the operator.
 *
 * <p>Before the first renewal with a deadline no deadline applies (Manual mode: the compare-and-swap on the lease
 * is the only fence, as in issue 14). The memory is the process's: after an agent restart, only the
 * compare-and-swap fences until the operator's next renewal, at most one renew interval later.
 */
public final class RenewDeadline {

  /** A renewal that succeeded: when it started (clock nanos) and the deadline it set. */
  private record Renewal(long startNanos, Duration deadline) {
  }

  private final LongSupplier nanos;
  private Renewal last;

  /** @param nanos the monotonic clock, in nanoseconds ({@code System::nanoTime}; tests pass a fake) */
  public RenewDeadline(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** The clock now: a renewal takes this before it sends its compare-and-swap, and passes it on success. */
  public long now() {
    return nanos.getAsLong();
  }

  /**
   * Records a successful renewal that started at {@code startNanos}, with the deadline {@code deadline} from now on.
   * A renewal that started before the last one recorded (two in flight at once) does not move the start back.
   */
  public synchronized void renewed(long startNanos, Duration deadline) {
    if (deadline.isNegative()) {
      throw new IllegalArgumentException("a renew deadline is not negative, got " + deadline);
    }
    long start = last == null || startNanos - last.startNanos() > 0 ? startNanos : last.startNanos();
    last = new Renewal(start, deadline);
  }

  /**
   * Records a lease change by this agent that wrote a fresh heartbeat (a takeover), started at {@code startNanos}:
   * a renewal with the current deadline; nothing while no deadline applies.
   */
  public synchronized void refreshed(long startNanos) {
    if (last != null) {
      renewed(startNanos, last.deadline());
    }
  }

  /** Why writes are refused now: the last renewal is older than its deadline; empty while writes may go on. */
  public synchronized Optional<String> expired() {
    if (last == null) {
      return Optional.empty();
    }
    long age = now() - last.startNanos();
    if (age <= last.deadline().toNanos()) {
      return Optional.empty();
    }
    return Optional.of("the last successful lease renewal started " + Duration.ofNanos(age).toMillis()
        + " ms ago, more than the renew deadline of " + last.deadline().toMillis() + " ms");
  }
}
