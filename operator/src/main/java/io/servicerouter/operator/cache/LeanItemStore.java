package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.Map;

/**
 * An informer store that keeps only what the operator reads: it drops {@code metadata.managedFields} and the
 * {@code kubectl.kubernetes.io/last-applied-configuration} annotation of every object it stores. Both are a large
 * share of a small object (the managed fields of a route DNSEndpoint are about as large as the rest of it), and
 * nothing reads them: the planner reads specs, labels, owners and timestamps, and the writers send no managed
 * fields (server-side apply keeps the stored ones). The event handlers receive the same trimmed instance.
 *
 * <p>The shared caches keep whole objects otherwise ({@link #withoutManagedFields}); the controllers' informers of
 * primaries are those same informers ({@link SharedInformerClient}). The orphan collectors' own informers of the
 * generated objects keep metadata only ({@link #metadataOnly}): the collectors read labels and owners, and JOSDK's
 * event filters read metadata.
 *
 * @param <T> the cached kind
 */
public final class LeanItemStore<T extends HasMetadata> extends BasicItemStore<T> {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final boolean metadataOnly;

  private LeanItemStore(boolean metadataOnly) {
    super(Cache::metaNamespaceKeyFunc);
    this.metadataOnly = metadataOnly;
  }

  /** A store of whole objects without managed fields. */
  public static <T extends HasMetadata> LeanItemStore<T> withoutManagedFields() {
    return new LeanItemStore<>(false);
  }

  /** A store of the objects' metadata (without managed fields): spec and status are dropped. */
  public static <T extends HasMetadata> LeanItemStore<T> metadataOnly() {
    return new LeanItemStore<>(true);
  }

  @Override
  public T put(String key, T object) {
    object.getMetadata().setManagedFields(null);
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
      annotations.remove(LAST_APPLIED);
    }
    if (metadataOnly) {
      dropSpecAndStatus(object);
    }
    return super.put(key, object);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void dropSpecAndStatus(HasMetadata object) {
    if (object instanceof CustomResource resource) {
      resource.setSpec(null);
      resource.setStatus(null);
    } else if (object instanceof io.fabric8.istio.api.networking.v1.Gateway gateway) {
      gateway.setSpec(null);
      gateway.setStatus(null);
    }
  }
}
