package io.servicerouter.fence;

import java.util.Map;

/**
 * The value of a zone's heartbeat record, {@code v=1 holder=<cluster>/<region> epoch=<n> seq=<k>}: the lease
 * holder rewrites it every renew interval (by compare-and-swap, conditioned on its lease), and a standby decides
 * that the holder is gone when the value stops changing for a lease duration, timed with its own monotonic clock.
 * No wall time is written, so no clock is compared across clusters.
 *
 * @param holder the lease holder that wrote it
 * @param epoch the epoch of that holder's lease
 * @param seq counts the renewals within the epoch, from 0
 */
public record Heartbeat(Holder holder, long epoch, long seq) {

  /** The heartbeat written together with {@code lease} when it is created or taken over. */
  public static Heartbeat first(Lease lease) {
    return new Heartbeat(lease.holder(), lease.epoch(), 0);
  }

  /** The next renewal's value. */
  public Heartbeat next() {
    return new Heartbeat(holder, epoch, seq + 1);
  }

  /** Whether this heartbeat was written under {@code lease}. */
  public boolean belongsTo(Lease lease) {
    return holder.equals(lease.holder()) && epoch == lease.epoch();
  }

  /** The TXT record's text. */
  public String text() {
    return "v=" + FenceText.VERSION + " holder=" + holder + " epoch=" + epoch + " seq=" + seq;
  }

  /**
   * Parses a heartbeat record's text.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Heartbeat parse(String text) {
    Map<String, String> fields = FenceText.fields("heartbeat", text, "holder", "epoch", "seq");
    return new Heartbeat(Holder.parse(fields.get("holder")), FenceText.number("heartbeat", fields, "epoch", text),
        FenceText.number("heartbeat", fields, "seq", text));
  }

  @Override
  public String toString() {
    return text();
  }
}
