package io.servicerouter.operator.addressrecords;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Set;
import java.util.function.Function;

/**
 * The LoadBalancer Services of one Istio controller (the address-records primaries): a Gateway change
 * reaches the Services of its controller, and a Service change reaches its siblings, since which one is
 * chosen may change (SPEC §3.9).
 *
 * @param <T> the kind of the changed object
 */
public final class LoadBalancersOfIstioControllerMapper<T> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<Service> services;
  private final Function<T, String> controllerOf;

  private LoadBalancersOfIstioControllerMapper(KindCache<Service> services, Function<T, String> controllerOf) {
    this.services = services;
    this.controllerOf = controllerOf;
  }

  /** LoadBalancer Services selected by a Gateway's spec.controller. */
  public static LoadBalancersOfIstioControllerMapper<Gateway> ofGateway(KindCache<Service> services) {
    return new LoadBalancersOfIstioControllerMapper<>(services,
        gateway -> gateway.getSpec() == null ? null : gateway.getSpec().getController());
  }

  /** LoadBalancer Services with the same {@code istio} label as a Service (including itself). */
  public static LoadBalancersOfIstioControllerMapper<Service> ofService(KindCache<Service> services) {
    return new LoadBalancersOfIstioControllerMapper<>(services, SnapshotIndexes::istioLabel);
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    String controller = controllerOf.apply(object);
    return controller == null ? Set.of() : ResourceIds.of(services.byIndex(SnapshotIndexes.SERVICES_BY_ISTIO, controller));
  }
}
