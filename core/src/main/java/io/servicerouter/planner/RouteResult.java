package io.servicerouter.planner;

import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteStatus;
import java.util.List;

/**
 * The evaluation of one ServiceRoute (SPEC §3.8).
 *
 * @param route the evaluated route
 * @param status its status; under KEEP, {@code dnsEndpoints}/{@code dnsEndpoint} are left absent for the
 *     caller to carry over ("unchanged")
 * @param action what happens to its DNSEndpoints
 * @param desired the DNSEndpoints to converge to (empty unless CONVERGE)
 * @param hostname the hostname when it can be computed, else null
 * @param listed whether the hostname is on the Istio Gateway (rows 8-14)
 * @param owned the existing DNSEndpoints the route owns, looked up once here for the caller to converge or
 *     delete; empty under KEEP and for a snapshot without existing objects
 */
public record RouteResult(ServiceRoute route, ServiceRouteStatus status, RecordAction action,
    List<DNSEndpoint> desired, String hostname, boolean listed, List<DNSEndpoint> owned) {

  /** The Ready reason. */
  public String reason() {
    return status.getConditions().get(0).getReason();
  }
}
