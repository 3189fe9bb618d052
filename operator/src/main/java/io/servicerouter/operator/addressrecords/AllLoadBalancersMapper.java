package io.servicerouter.operator.addressrecords;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Set;

/**
 * Every LoadBalancer Service with an {@code istio} label (the address-records primaries): for inputs that
 * change the scope of address records, such as a ClusterIdentity, DNSConfiguration or DNSPolicy (SPEC §3.9).
 *
 * @param <T> the kind of the changed object
 */
public final class AllLoadBalancersMapper<T> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<Service> services;

  /** Looks Services up in {@code services}. */
  public AllLoadBalancersMapper(KindCache<Service> services) {
    this.services = services;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    return ResourceIds.of(services.list().stream().filter(service -> SnapshotIndexes.istioLabel(service) != null).toList());
  }
}
