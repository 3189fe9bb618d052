package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource versions the operator's own status writes produced, one per object until its echo (the watch event
 * of that write, which carries exactly that version) is seen. A primary's own trigger skips the echo: the reconcile
 * it would start finds the status it just wrote stored and writes nothing, and at 1,000 routes these were half of
 * all route reconciles of a first convergence. Any other version still reconciles, so a status edited by hand or
 * written by another writer is rewritten. When the echo arrives before the write's response (the watch and the
 * request are separate connections) the object is reconciled once more as before and its entry stays until the
 * next write of that object.
 */
public final class StatusEchoes {

  private final Map<Key, String> written = new ConcurrentHashMap<>();

  /** The identity of one object of one kind. */
  private record Key(Class<?> type, String namespace, String name) {

    static Key of(HasMetadata object) {
      return new Key(object.getClass(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
  }

  /** Records the version of {@code stored}, the object as the API server returned it after a status write. */
  public void wrote(HasMetadata stored) {
    written.put(Key.of(stored), stored.getMetadata().getResourceVersion());
  }

  /** Whether {@code version} is the echo of the last recorded write of its object; the record is used up. */
  public boolean isEcho(HasMetadata version) {
    String resourceVersion = version.getMetadata().getResourceVersion();
    return resourceVersion != null && written.remove(Key.of(version), resourceVersion);
  }
}
