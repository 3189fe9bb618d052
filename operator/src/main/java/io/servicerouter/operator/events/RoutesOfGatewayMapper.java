package io.servicerouter.operator.events;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.Indexes;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.planner.ObjectKey;
import java.util.Set;

/** The ServiceRoutes whose effective Gateway is the changed Gateway (targets, admission, readiness). */
public final class RoutesOfGatewayMapper implements PrimaryMapper<Gateway> {

  private final KindCache<ServiceRoute> routes;

  /** Looks routes up in {@code routes}. */
  public RoutesOfGatewayMapper(KindCache<ServiceRoute> routes) {
    this.routes = routes;
  }

  @Override
  public Set<ResourceID> primaries(Gateway gateway) {
    return ResourceIds.of(routes.byIndex(Indexes.ROUTES_BY_GATEWAY, Indexes.key(ObjectKey.of(gateway))));
  }
}
