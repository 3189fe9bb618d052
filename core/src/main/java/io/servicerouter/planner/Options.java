package io.servicerouter.planner;

/**
 * Operator options that are inputs of the evaluation (SPEC §3.1): the same values must give the same
 * plan in the operator and in {@code render}.
 *
 * @param defaultGatewayNamespace namespace of a ServiceRoute's Gateway when its gatewayNamespace is empty
 * @param addressRecords which zones get the gateways' address records
 * @param dnsEndpointLayout whether route records are grouped per namespace or written one object per route
 */
public record Options(String defaultGatewayNamespace, AddressRecordsMode addressRecords,
    DnsEndpointLayout dnsEndpointLayout) {

  /** The defaults: Gateways in {@code istio-system}, address records for the active zones, grouped route records. */
  public static final Options DEFAULTS = new Options("istio-system", AddressRecordsMode.ACTIVE, DnsEndpointLayout.NAMESPACE);

  /** These options with another route record layout. */
  public Options withLayout(DnsEndpointLayout layout) {
    return new Options(defaultGatewayNamespace, addressRecords, layout);
  }

  /** Whether route records are grouped per namespace (SPEC §4.6). */
  public boolean grouped() {
    return dnsEndpointLayout == DnsEndpointLayout.NAMESPACE;
  }
}
