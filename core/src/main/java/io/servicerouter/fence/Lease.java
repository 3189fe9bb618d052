package io.servicerouter.fence;

import java.util.Map;

/**
 * The value of a zone's lease record, {@code v=1 holder=<cluster>/<region> epoch=<n>}: the one cluster whose
 * writes the DNS server accepts in that zone, and the epoch, which rises by one on every change of the lease
 * (each change is a compare-and-swap on the previous value, so an epoch has exactly one holder).
 *
 * @param holder the cluster that may write the zone
 * @param epoch 1 for the lease the home creates, one more on every change
 */
public record Lease(Holder holder, long epoch) {

  /** Checks the epoch. */
  public Lease {
    if (epoch < 1) {
      throw new IllegalArgumentException("a lease epoch starts at 1, got " + epoch);
    }
  }

  /** The lease a zone's home creates when the zone has none. */
  public static Lease first(Holder home) {
    return new Lease(home, 1);
  }

  /** The lease after {@code next} took this one over (the same holder again is a change too: a new epoch). */
  public Lease takenBy(Holder next) {
    return new Lease(next, epoch + 1);
  }

  /** Whether {@code cluster} holds this lease. */
  public boolean heldBy(Holder cluster) {
    return holder.equals(cluster);
  }

  /** The TXT record's text. */
  public String text() {
    return "v=" + FenceText.VERSION + " holder=" + holder + " epoch=" + epoch;
  }

  /**
   * Parses a lease record's text.
   *
   * @throws IllegalArgumentException naming what is wrong: another version, a missing or repeated field
   */
  public static Lease parse(String text) {
    Map<String, String> fields = FenceText.fields("lease", text, "holder", "epoch");
    return new Lease(Holder.parse(fields.get("holder")), FenceText.number("lease", fields, "epoch", text));
  }

  @Override
  public String toString() {
    return text();
  }
}
