package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import io.servicerouter.planner.IndexedStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared cache of one kind: one informer per watched namespace (or a single cluster-wide one), read as a
 * whole. Objects being deleted are filtered out, as the planner's {@code Snapshot} contract requires.
 *
 * @param <T> the cached kind
 */
public final class KindCache<T extends HasMetadata> implements IndexedStore<T> {

  private final List<SharedIndexInformer<T>> informers;
  private final List<Indexer<T>> indexers;

  private KindCache(List<SharedIndexInformer<T>> informers, List<Indexer<T>> indexers) {
    this.informers = List.copyOf(informers);
    this.indexers = List.copyOf(indexers);
  }

  /** A cache over running (or to be started) informers that already carry their indexers. */
  public static <T extends HasMetadata> KindCache<T> of(List<SharedIndexInformer<T>> informers) {
    List<Indexer<T>> indexers = new ArrayList<>();
    informers.forEach(informer -> indexers.add(informer.getIndexer()));
    return new KindCache<>(informers, indexers);
  }

  /** A cache over bare indexers, without informers: for tests that feed the stores directly. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T extends HasMetadata> KindCache<T> overIndexers(Indexer<T>... indexers) {
    return new KindCache<>(List.of(), List.of(indexers));
  }

  @Override
  public List<T> list() {
    List<T> result = new ArrayList<>();
    indexers.forEach(indexer -> live(indexer.list(), result));
    return result;
  }

  @Override
  public List<T> byIndex(String index, String key) {
    List<T> result = new ArrayList<>();
    indexers.forEach(indexer -> live(indexer.byIndex(index, key), result));
    return result;
  }

  /** Live objects that share a key with {@code object} in the named index (keys by the index's own function). */
  public List<T> sharingIndexKey(String index, T object) {
    List<T> result = new ArrayList<>();
    indexers.forEach(indexer -> live(indexer.index(index, object), result));
    return result;
  }

  @Override
  public Optional<T> get(String namespace, String name) {
    String key = namespace == null || namespace.isEmpty() ? name : Cache.namespaceKeyFunc(namespace, name);
    for (Indexer<T> indexer : indexers) {
      T object = indexer.getByKey(key);
      if (object != null && object.getMetadata().getDeletionTimestamp() == null) {
        return Optional.of(object);
      }
    }
    return Optional.empty();
  }

  /** Registers a handler on every informer of the kind (events of all watched namespaces). */
  public void addEventHandler(ResourceEventHandler<? super T> handler) {
    informers.forEach(informer -> informer.addEventHandler(handler));
  }

  /** Removes a handler registered with {@link #addEventHandler}. */
  public void removeEventHandler(ResourceEventHandler<? super T> handler) {
    informers.forEach(informer -> informer.removeEventHandler(handler));
  }

  /** The informers, for starting, sync checks and shutdown. */
  List<SharedIndexInformer<T>> informers() {
    return informers;
  }

  private static <T extends HasMetadata> void live(List<T> objects, List<T> into) {
    for (T object : objects) {
      if (object.getMetadata().getDeletionTimestamp() == null) {
        into.add(object);
      }
    }
  }
}
