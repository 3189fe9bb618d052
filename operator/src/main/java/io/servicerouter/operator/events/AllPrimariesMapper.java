package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/**
 * Every primary of a kind: for inputs every evaluation depends on (a ClusterIdentity or DNSConfiguration
 * change reaches every route, Gateway, policy and singleton, SPEC §3.2).
 *
 * @param <T> the kind of the changed object
 */
public final class AllPrimariesMapper<T> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<? extends HasMetadata> primaries;

  /** Maps any change to every object of {@code primaries}. */
  public AllPrimariesMapper(KindCache<? extends HasMetadata> primaries) {
    this.primaries = primaries;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    return ResourceIds.of(primaries.list());
  }
}
