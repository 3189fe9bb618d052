package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@link IndexedStore} over a list, with hash maps for every index, so that a whole plan costs time linear
 * in the number of objects. Objects being deleted are left out when the store is built.
 *
 * @param <T> the kind
 */
public final class InMemoryStore<T extends HasMetadata> implements IndexedStore<T> {

  private final List<T> objects = new ArrayList<>();
  private final Map<ObjectKey, T> byKey = new HashMap<>();
  private final Map<String, Map<String, List<T>>> indexes = new HashMap<>();

  /**
   * A store of the live {@code objects}, indexed by {@code indexers} (see {@link SnapshotIndexes}).
   *
   * @param objects the objects in input order; later ones with the same key replace earlier ones in lookups
   * @param indexers index name to the keys of an object
   */
  public InMemoryStore(List<T> objects, Map<String, Function<T, List<String>>> indexers) {
    for (T object : objects) {
      if (object.getMetadata().getDeletionTimestamp() == null) {
        this.objects.add(object);
        byKey.put(ObjectKey.of(object), object);
      }
    }
    indexers.forEach((name, keys) -> {
      Map<String, List<T>> index = new HashMap<>();
      for (T object : this.objects) {
        for (String key : keys.apply(object)) {
          index.computeIfAbsent(key, k -> new ArrayList<>()).add(object);
        }
      }
      indexes.put(name, index);
    });
  }

  @Override
  public List<T> list() {
    return objects;
  }

  @Override
  public List<T> byIndex(String index, String key) {
    return indexes.getOrDefault(index, Map.of()).getOrDefault(key, List.of());
  }

  @Override
  public Optional<T> get(String namespace, String name) {
    return Optional.ofNullable(byKey.get(new ObjectKey(namespace == null ? "" : namespace, name)));
  }
}
