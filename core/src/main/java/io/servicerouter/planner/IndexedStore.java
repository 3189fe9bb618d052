package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * The live objects of one kind with the {@link SnapshotIndexes} over them: what an {@link IndexedSnapshot}
 * reads. Objects being deleted are never returned. In memory for {@code render} ({@link InMemoryStore}), an
 * informer cache in the operator.
 *
 * @param <T> the kind
 */
public interface IndexedStore<T extends HasMetadata> {

  /** Every live object. */
  List<T> list();

  /** Live objects whose value of the named index is {@code key}. */
  List<T> byIndex(String index, String key);

  /** The live object with this namespace (null for cluster-scoped kinds) and name. */
  Optional<T> get(String namespace, String name);
}
