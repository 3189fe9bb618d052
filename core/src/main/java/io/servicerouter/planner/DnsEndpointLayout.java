package io.servicerouter.planner;

import java.util.Locale;

/** How route records are laid out in DNSEndpoints (option {@code --dnsendpoint-layout}, SPEC §4.2 and §4.6). */
public enum DnsEndpointLayout {
  /** One DNSEndpoint per namespace and controller holding the namespace's route records (sharded; SPEC §4.6). */
  NAMESPACE,
  /** One DNSEndpoint per route and controller (SPEC §4.2). */
  ROUTE;

  /** Parses the option value ({@code namespace} or {@code route}). */
  public static DnsEndpointLayout parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
