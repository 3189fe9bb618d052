package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/**
 * The objects of the changed object's own kind that share a key with it in one index, the index's own function
 * deciding the keys: the policies of its namespace, the Gateways with its target postfix, the routes with its
 * hostname. Those are the objects whose "oldest wins" or conflict decision the change can move.
 *
 * @param <T> the kind, which is also the primary kind
 */
public final class SharingIndexKeyMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final KindCache<T> cache;
  private final String index;

  /**
   * Looks objects up in {@code cache} by its index {@code index}.
   *
   * @param cache the shared cache of the kind
   * @param index a name of {@link io.servicerouter.planner.SnapshotIndexes} registered on that cache
   */
  public SharingIndexKeyMapper(KindCache<T> cache, String index) {
    this.cache = cache;
    this.index = index;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    return ResourceIds.of(cache.sharingIndexKey(index, object));
  }
}
