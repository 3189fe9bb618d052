package io.servicerouter.planner;

/**
 * Operator options that are inputs of the evaluation (SPEC §3.1): the same values must give the same
 * plan in the operator and in {@code render}.
 *
 * @param defaultGatewayNamespace namespace of a ServiceRoute's Gateway when its gatewayNamespace is empty
 * @param addressRecords which zones get the gateways' address records
 */
public record Options(String defaultGatewayNamespace, AddressRecordsMode addressRecords) {

  /** The defaults: Gateways in {@code istio-system}, address records for the active zones. */
  public static final Options DEFAULTS = new Options("istio-system", AddressRecordsMode.ACTIVE);
}
