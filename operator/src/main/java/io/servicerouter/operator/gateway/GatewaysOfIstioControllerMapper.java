package io.servicerouter.operator.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.Labels;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Gateways of one Istio controller: a LoadBalancer Service change (loadBalancerIP, DNSReady) and an
 * address DNSEndpoint change (DNSReady row f) reach the Gateways whose spec.controller they serve.
 *
 * @param <T> the kind of the changed object
 */
public final class GatewaysOfIstioControllerMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<Gateway> gateways;
  private final Function<T, String> controllerOf;

  private GatewaysOfIstioControllerMapper(KindCache<Gateway> gateways, Function<T, String> controllerOf) {
    this.gateways = gateways;
    this.controllerOf = controllerOf;
  }

  /** Gateways served by a LoadBalancer Service (its {@code istio} label). */
  public static GatewaysOfIstioControllerMapper<Service> ofService(KindCache<Gateway> gateways) {
    return new GatewaysOfIstioControllerMapper<>(gateways, SnapshotIndexes::istioLabel);
  }

  /** Gateways whose address records a DNSEndpoint holds (its {@code router.io/istio-controller} label). */
  public static <T extends HasMetadata> GatewaysOfIstioControllerMapper<T> ofAddressEndpoint(KindCache<Gateway> gateways) {
    return new GatewaysOfIstioControllerMapper<>(gateways, endpoint -> {
      Map<String, String> labels = endpoint.getMetadata().getLabels();
      return labels == null ? null : labels.get(Labels.LABEL_ISTIO_CONTROLLER);
    });
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    String controller = controllerOf.apply(object);
    return controller == null ? Set.of() : ResourceIds.of(gateways.byIndex(SnapshotIndexes.GATEWAYS_BY_CONTROLLER, controller));
  }
}
