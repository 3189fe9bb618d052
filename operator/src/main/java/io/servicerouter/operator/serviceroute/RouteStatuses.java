package io.servicerouter.operator.serviceroute;

import io.servicerouter.model.routing.ServiceRouteStatus;
import io.servicerouter.planner.RecordAction;
import io.servicerouter.planner.RouteResult;

/** The ServiceRoute status to store: the planner's, with the stored DNSEndpoint names carried over under KEEP. */
final class RouteStatuses {

  private RouteStatuses() {}

  /**
   * Under KEEP the planner leaves {@code dnsEndpoints}/{@code dnsEndpoint} absent ("unchanged"): the stored
   * values are kept, since the records are. The planner's status is this reconcile's own and is completed in place.
   */
  static ServiceRouteStatus withStoredEndpointsUnderKeep(RouteResult result, ServiceRouteStatus stored) {
    if (result.action() != RecordAction.KEEP || stored == null) {
      return result.status();
    }
    ServiceRouteStatus status = result.status();
    status.setDnsEndpoints(stored.getDnsEndpoints());
    status.setDnsEndpoint(stored.getDnsEndpoint());
    return status;
  }
}
