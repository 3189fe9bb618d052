package io.servicerouter.fence;

import java.util.Map;

/**
 * The value of a zone's claim record, {@code v=1 home=<cluster>/<region> seen=<epoch> seq=<k>}: the zone's home,
 * recovered while another cluster holds its zone, rewrites it every renew interval to ask for the zone back. The
 * adopter hands the zone back only after the claim kept changing for the hand-back's stable time, so a home that
 * flaps never gets it.
 *
 * @param home the zone's home cluster
 * @param seen the lease epoch the home saw when it claimed
 * @param seq counts the claim's renewals, from 0
 */
public record Claim(Holder home, long seen, long seq) {

  /** The next renewal of this claim against the lease epoch {@code seen}. */
  public Claim next(long seenEpoch) {
    return new Claim(home, seenEpoch, seq + 1);
  }

  /** The TXT record's text. */
  public String text() {
    return "v=" + FenceText.VERSION + " home=" + home + " seen=" + seen + " seq=" + seq;
  }

  /**
   * Parses a claim record's text.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Claim parse(String text) {
    Map<String, String> fields = FenceText.fields("claim", text, "home", "seen", "seq");
    return new Claim(Holder.parse(fields.get("home")), FenceText.number("claim", fields, "seen", text),
        FenceText.number("claim", fields, "seq", text));
  }

  @Override
  public String toString() {
    return text();
  }
}
