package io.servicerouter.operator.orphans;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generated objects controlled by a changed (typically deleted) owner, by the owner's uid: they are
 * checked for orphaning when their owner goes away.
 *
 * @param <T> the owner kind
 */
public final class OwnedObjectsOfOwnerMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<? extends HasMetadata> generated;

  /** Looks the generated objects up in {@code generated}. */
  public OwnedObjectsOfOwnerMapper(KindCache<? extends HasMetadata> generated) {
    this.generated = generated;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T owner) {
    String uid = owner.getMetadata().getUid();
    return uid == null ? Set.of() : generated.byIndex(SnapshotIndexes.BY_CONTROLLER_UID, uid).stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
