package io.servicerouter.planner;

import java.util.Locale;

/** Which zones get the gateways' address records (operator option {@code --address-records}, SPEC §3.9). */
public enum AddressRecordsMode {
  /** Every controller of the DNSConfiguration. */
  ALL,
  /** Controllers used by at least one Active DNSPolicy in this cluster: the zones it publishes into. */
  ACTIVE,
  /** None: ExternalDNS's Service source publishes the gateway names instead. */
  OFF;

  /** Parses the option value ({@code all}, {@code active} or {@code off}). */
  public static AddressRecordsMode parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
