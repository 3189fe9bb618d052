package io.servicerouter.planner;

import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewayStatus;

/**
 * The evaluation of one routing Gateway (SPEC §3.7).
 *
 * @param gateway the evaluated Gateway
 * @param status its status
 * @param action CONVERGE to {@code desired}, DELETE the owned Istio Gateway, or KEEP it untouched
 * @param desired the Istio Gateway to converge to (null unless CONVERGE)
 */
public record GatewayResult(Gateway gateway, GatewayStatus status, RecordAction action,
    io.fabric8.istio.api.networking.v1.Gateway desired) {
}
