package io.servicerouter.operator.serviceroute;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Set;

/** The ServiceRoutes whose effective Gateway is the changed Gateway (targets, admission, readiness). */
public final class RoutesOfGatewayMapper implements SecondaryToPrimaryMapper<Gateway> {

  private final KindCache<ServiceRoute> routes;

  /** Looks routes up in {@code routes}. */
  public RoutesOfGatewayMapper(KindCache<ServiceRoute> routes) {
    this.routes = routes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Gateway gateway) {
    return ResourceIds.of(routes.byIndex(SnapshotIndexes.ROUTES_BY_GATEWAY, SnapshotIndexes.key(ObjectKey.of(gateway))));
  }
}
