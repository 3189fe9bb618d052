package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.Map;

/**
 * An informer store that keeps only what the operator reads: it drops {@code metadata.managedFields} and the
 * {@code kubectl.kubernetes.io/last-applied-configuration} annotation of every object it stores. Both are a large
 * share of a small object (the managed fields of a route DNSEndpoint are about as large as the rest of it), and
 * nothing reads them: the planner reads specs, labels, owners and timestamps, and the writers send no managed
 * fields (server-side apply keeps the stored ones). The event handlers receive the same trimmed instance. Both the
 * shared caches and JOSDK's informers of the controllers' primaries use it.
 *
 * @param <T> the cached kind
 */
public final class LeanItemStore<T extends HasMetadata> extends BasicItemStore<T> {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** A store keyed like the informer's default ({@code namespace/name}). */
  public LeanItemStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T object) {
    object.getMetadata().setManagedFields(null);
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
      annotations.remove(LAST_APPLIED);
    }
    return super.put(key, object);
  }
}
