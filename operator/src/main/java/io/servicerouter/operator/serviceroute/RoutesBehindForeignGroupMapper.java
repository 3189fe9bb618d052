package io.servicerouter.operator.serviceroute;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.RouteGroups;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Set;

/**
 * The ServiceRoutes of a namespace in which a foreign DNSEndpoint with a group name (SPEC §4.6) appears, changes or
 * goes: it decides row 13 ({@code DNSEndpointConflict}) for them. The operator's own groups reach no route, since a
 * route's status does not depend on them (so a failover reconciles no route through its groups).
 */
public final class RoutesBehindForeignGroupMapper implements SecondaryToPrimaryMapper<DNSEndpoint> {

  private final KindCache<ServiceRoute> routes;

  /** Looks routes up in {@code routes}. */
  public RoutesBehindForeignGroupMapper(KindCache<ServiceRoute> routes) {
    this.routes = routes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(DNSEndpoint endpoint) {
    if (!RouteGroups.hasGroupName(endpoint) || RouteGroups.isOwned(endpoint)) {
      return Set.of();
    }
    return ResourceIds.of(routes.byIndex(SnapshotIndexes.BY_NAMESPACE, endpoint.getMetadata().getNamespace()));
  }
}
