package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statuses the operator is writing, one per object until the next version of that object is seen. A primary's
 * own trigger skips the echo of such a write (the watch event of the new version, whose only change is exactly
 * that status): the reconcile it would start finds the status stored and writes nothing, and at 1,000 routes these
 * were half of all route reconciles of a first convergence. A version with any other change (spec, labels,
 * deletion) or another status, a hand edit included, still reconciles. The status is recorded before the request
 * is sent, as the watch event may arrive before the response.
 */
public final class StatusEchoes {

  private final Map<Key, Object> writing = new ConcurrentHashMap<>();

  /** The identity of one object of one kind. */
  private record Key(Class<?> type, String namespace, String name) {

    static Key of(HasMetadata object) {
      return new Key(object.getClass(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
  }

  /** Records that the status of {@code object} is being written as {@code status} (not changed afterwards). */
  public void writing(HasMetadata object, Object status) {
    writing.put(Key.of(object), status);
  }

  /** Forgets the status recorded for {@code object}: its write did not happen. */
  public void notWritten(HasMetadata object) {
    writing.remove(Key.of(object));
  }

  /**
   * Whether {@code after} is the echo of the status write recorded for its object: the first version seen after
   * the record, differing from {@code before} in its status only, which is the status written. Any version seen
   * uses the record up, so none outlives the write it was made for.
   */
  public boolean isEcho(HasMetadata before, HasMetadata after) {
    Object written = writing.remove(Key.of(after));
    return written != null && after instanceof CustomResource<?, ?> resource && written.equals(resource.getStatus())
        && !Updates.SPEC_CHANGES.relevant(before, after);
  }
}
