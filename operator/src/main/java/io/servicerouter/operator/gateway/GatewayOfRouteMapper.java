package io.servicerouter.operator.gateway;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Routes;
import java.util.Set;

/** The effective Gateway of a changed ServiceRoute: its hosts and attachedRoutes follow the route. */
public final class GatewayOfRouteMapper implements SecondaryToPrimaryMapper<ServiceRoute> {

  private final Options options;

  /** Resolves the effective Gateway with the default gateway namespace of {@code options}. */
  public GatewayOfRouteMapper(Options options) {
    this.options = options;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(ServiceRoute route) {
    if (route.getSpec() == null) {
      return Set.of();
    }
    ObjectKey gateway = Routes.effectiveGateway(route, options);
    return Set.of(new ResourceID(gateway.name(), gateway.namespace()));
  }
}
