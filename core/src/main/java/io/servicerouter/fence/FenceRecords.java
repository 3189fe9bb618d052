package io.servicerouter.fence;

import java.util.Locale;

/**
 * The names of the records the fence owns in the zone of one ExternalDNS controller. They start with
 * {@code _sr-}, which no DNSEndpoint can produce (SPEC: generated names are DNS-1123), and the zone agent hides
 * them from ExternalDNS so that it never plans to change them.
 *
 * @param controller the ExternalDNS controller (DNSConfiguration {@code externalDNSControllers[].name})
 * @param domain the zone written
 */
public record FenceRecords(String controller, String domain) {

  private static final String PREFIX = "_sr-";

  /** {@code _sr-lease.<controller>.<domain>}: who may write the zone. */
  public String lease() {
    return PREFIX + "lease." + controller + "." + domain;
  }

  /** {@code _sr-hb.<controller>.<domain>}: the lease holder's heartbeat, rewritten every renew interval. */
  public String heartbeat() {
    return PREFIX + "hb." + controller + "." + domain;
  }

  /** {@code _sr-claim.<controller>.<domain>}: the recovered home asking for its zone back. */
  public String claim() {
    return PREFIX + "claim." + controller + "." + domain;
  }

  /** Whether {@code name} (with or without the final dot) is one of the fence's records in any zone. */
  public static boolean isFenceName(String name) {
    return name.toLowerCase(Locale.ROOT).startsWith(PREFIX);
  }
}
