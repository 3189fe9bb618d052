package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * An informer handler that reacts to deletions only, for bookkeeping keyed by object (memoized validation,
 * routes a convergence waits for) that must forget deleted objects.
 *
 * @param <T> the kind
 */
public final class DeletionHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

  private final Consumer<? super T> onDeleted;

  /** Calls {@code onDeleted} with every deleted object. */
  public DeletionHandler(Consumer<? super T> onDeleted) {
    this.onDeleted = onDeleted;
  }

  @Override
  public void onAdd(T object) {}

  @Override
  public void onUpdate(T oldObject, T newObject) {}

  @Override
  public void onDelete(T object, boolean deletedFinalStateUnknown) {
    onDeleted.accept(object);
  }
}
