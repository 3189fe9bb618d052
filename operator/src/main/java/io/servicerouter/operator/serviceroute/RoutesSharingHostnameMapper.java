package io.servicerouter.operator.serviceroute;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.ServiceRoute;

import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.planner.Routes;
import java.util.Set;

/** The ServiceRoutes with the changed route's hostname: hostname ownership is decided among them (SPEC §3.8). */
public final class RoutesSharingHostnameMapper implements SecondaryToPrimaryMapper<ServiceRoute> {

  private final KindCache<ServiceRoute> routes;

  /** Looks routes up in {@code routes}. */
  public RoutesSharingHostnameMapper(KindCache<ServiceRoute> routes) {
    this.routes = routes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(ServiceRoute route) {
    if (route.getSpec() == null) {
      return Set.of();
    }
    return ResourceIds.of(routes.byIndex(SnapshotIndexes.ROUTES_BY_HOSTNAME_PARTS,
        SnapshotIndexes.hostnamePartsKey(Routes.hostnameParts(route))));
  }
}
