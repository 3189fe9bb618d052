package io.servicerouter.planner;

import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewayStatus;
import java.util.Optional;

/**
 * The evaluation of one routing Gateway (SPEC §3.7).
 *
 * @param gateway the evaluated Gateway
 * @param status its status
 * @param action CONVERGE to {@code desired}, DELETE the owned Istio Gateway, or KEEP it untouched
 * @param desired the Istio Gateway to converge to (null unless CONVERGE)
 * @param owned the existing Istio Gateway the Gateway owns, looked up once here for the caller to converge or
 *     delete; empty under KEEP and for a snapshot without existing objects
 */
public record GatewayResult(Gateway gateway, GatewayStatus status, RecordAction action,
    io.fabric8.istio.api.networking.v1.Gateway desired, Optional<io.fabric8.istio.api.networking.v1.Gateway> owned) {
}
