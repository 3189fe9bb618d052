package io.servicerouter.operator.orphans;

import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.reconcile.GeneratedObjects;
import io.servicerouter.operator.reconcile.Trigger;
import java.util.List;

/**
 * Deletes route DNSEndpoints whose ServiceRoute is gone, grouped route DNSEndpoints whose DNSPolicy is gone and
 * address DNSEndpoints whose Service is gone.
 */
public final class OrphanedDnsEndpointReconciler extends OrphanReconciler<DNSEndpoint> {

  /** Controller name. */
  public static final String NAME = "orphaned-dnsendpoints";

  private final SharedCaches caches;

  /** A reconciler over the shared caches. */
  public OrphanedDnsEndpointReconciler(SharedCaches caches, GeneratedObjects generated) {
    super(new Owners(caches), generated);
    this.caches = caches;
  }

  @Override
  protected List<Trigger<?>> triggers() {
    return List.of(
        Trigger.onSpecChange(ServiceRoute.class, caches.routes(), new OwnedObjectsOfOwnerMapper<>(caches.dnsEndpoints())),
        Trigger.onSpecChange(DNSPolicy.class, caches.policies(), new OwnedObjectsOfOwnerMapper<>(caches.dnsEndpoints())),
        Trigger.of(Service.class, caches.services(), new OwnedObjectsOfOwnerMapper<>(caches.dnsEndpoints())));
  }
}
