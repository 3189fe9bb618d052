package io.servicerouter.failover;

import java.util.Objects;
import java.util.Optional;

/**
 * Times a record that its writer rewrites regularly (the heartbeat, the claim), by when this cluster saw its value
 * change, on this cluster's monotonic clock: how long the value has stood still, and since when it has kept
 * changing. Values are compared for equality only, never read as times, so the clocks of other clusters do not
 * matter.
 *
 * @param <T> the record's value
 */
final class ChangeClock<T> {

  private final long gap;
  private Optional<T> value = Optional.empty();
  private boolean seen;
  private long changedAt;
  private long liveSince = -1;

  /** @param gap the longest pause between two changes that still counts as one live run (the lease duration) */
  ChangeClock(long gap) {
    this.gap = gap;
  }

  /** Records the value read at {@code now} (empty when the record is absent). */
  void observe(Optional<T> read, long now) {
    if (!seen) {
      seen = true;
      value = read;
      changedAt = now;
      return;
    }
    if (!Objects.equals(value, read)) {
      if (read.isEmpty()) {
        liveSince = -1;
      } else if (liveSince < 0 || now - changedAt > gap) {
        liveSince = now;
      }
      value = read;
      changedAt = now;
    }
  }

  /** How long the value has not changed (since this cluster first saw it). */
  long unchangedFor(long now) {
    return now - changedAt;
  }

  /** How long the value has kept changing without a pause longer than the gap; 0 when it is not changing. */
  long liveFor(long now) {
    return liveSince < 0 || value.isEmpty() || now - changedAt > gap ? 0 : now - liveSince;
  }

  /** The value last read. */
  Optional<T> value() {
    return value;
  }
}
