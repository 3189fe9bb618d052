package io.servicerouter.failover;

import io.servicerouter.model.cluster.FailoverSpec;
import java.time.Duration;

/**
 * The failover's durations in nanoseconds of a monotonic clock.
 *
 * @param renewInterval R: how often the holder renews its heartbeat
 * @param leaseDuration L: how long a heartbeat must stand still before the lease counts as expired
 * @param renewDeadline D: after it the holder's agent refuses writes (given to the agent with each renewal)
 * @param handbackStable H: how long the home's claim must have been renewed before the hand-back
 * @param minAdopted M: the shortest automatic adoption
 * @param manualHandback whether the home claims only once approved for the lease's epoch
 */
public record Timing(long renewInterval, long leaseDuration, long renewDeadline, long handbackStable,
    long minAdopted, boolean manualHandback) {

  /** The timing of a DNSConfiguration's {@code spec.failover}. */
  public static Timing of(FailoverSpec spec) {
    return new Timing(seconds(spec.getRenewIntervalSeconds()), seconds(spec.getLeaseDurationSeconds()),
        seconds(spec.getRenewDeadlineSeconds()), seconds(spec.getHandback().getStableSeconds()),
        seconds(spec.getHandback().getMinAdoptedSeconds()),
        FailoverSpec.MANUAL.equals(spec.getHandback().getMode()));
  }

  /** The extra wait of the standby of {@code rank} (0 for the first): two renew intervals per rank. */
  public long rankDelay(int rank) {
    return 2L * rank * renewInterval;
  }

  private static long seconds(int seconds) {
    return Duration.ofSeconds(seconds).toNanos();
  }
}
