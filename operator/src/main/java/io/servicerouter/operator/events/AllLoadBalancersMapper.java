package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.operator.cache.Indexes;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/**
 * Every LoadBalancer Service with an {@code istio} label (the address-records primaries): for inputs that
 * change the scope of address records, such as a ClusterIdentity, DNSConfiguration or DNSPolicy (SPEC §3.9).
 *
 * @param <T> the kind of the changed object
 */
public final class AllLoadBalancersMapper<T> implements PrimaryMapper<T> {

  private final KindCache<Service> services;

  /** Looks Services up in {@code services}. */
  public AllLoadBalancersMapper(KindCache<Service> services) {
    this.services = services;
  }

  @Override
  public Set<ResourceID> primaries(T object) {
    return ResourceIds.of(services.list().stream().filter(service -> Indexes.istioLabel(service) != null).toList());
  }
}
