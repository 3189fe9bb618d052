package io.servicerouter.planner;

/**
 * A distinct (Istio controller, target postfix) of the Gateways: one gateway DNS name per cluster, whose
 * address records SPEC §3.9 manages.
 *
 * @param istioController the Gateways' spec.controller
 * @param targetPostfix the Gateways' spec.targetPostfix
 */
public record AddressPair(String istioController, String targetPostfix) {
}
