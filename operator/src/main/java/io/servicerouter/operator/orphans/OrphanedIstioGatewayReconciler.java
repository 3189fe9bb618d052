package io.servicerouter.operator.orphans;

import io.fabric8.istio.api.networking.v1.Gateway;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.reconcile.GeneratedObjects;
import io.servicerouter.operator.reconcile.Trigger;
import java.util.List;

/** Deletes Istio Gateways whose routing Gateway is gone. */
public final class OrphanedIstioGatewayReconciler extends OrphanReconciler<Gateway> {

  /** Controller name. */
  public static final String NAME = "orphaned-istio-gateways";

  private final SharedCaches caches;

  /** A reconciler over the shared caches. */
  public OrphanedIstioGatewayReconciler(SharedCaches caches, GeneratedObjects generated) {
    super(new Owners(caches), generated);
    this.caches = caches;
  }

  @Override
  protected List<Trigger<?>> triggers() {
    return List.of(Trigger.onSpecChange(io.servicerouter.model.routing.Gateway.class, caches.gateways(),
        new OwnedObjectsOfOwnerMapper<>(caches.istioGateways())));
  }
}
