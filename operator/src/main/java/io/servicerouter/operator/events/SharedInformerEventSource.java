package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.KindCache;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A JOSDK event source over one shared informer: every add, relevant change ({@link Updates}; old and new
 * state) or delete of an input object triggers exactly the primaries its mappers name. It owns no informer,
 * so all controllers share one cache per kind.
 *
 * @param <T> the input kind
 * @param <P> the primary kind
 */
public final class SharedInformerEventSource<T extends HasMetadata, P extends HasMetadata>
    extends AbstractEventSource<T, P> {

  private final KindCache<T> cache;
  private final List<SecondaryToPrimaryMapper<? super T>> mappers;
  private final Updates updates;
  private final BiPredicate<? super T, ? super T> skipped;
  private final ResourceEventHandler<T> handler = new ResourceEventHandler<>() {
    @Override
    public void onAdd(T object) {
      trigger(mapped(object));
    }

    @Override
    public void onUpdate(T oldObject, T newObject) {
      if (!updates.relevant(oldObject, newObject) || skipped.test(oldObject, newObject)) {
        return;
      }
      Set<ResourceID> ids = mapped(oldObject);
      ids.addAll(mapped(newObject));
      trigger(ids);
    }

    @Override
    public void onDelete(T object, boolean deletedFinalStateUnknown) {
      trigger(mapped(object));
    }
  };

  /**
   * An event source named {@code name} (unique per controller) over {@code cache}.
   *
   * @param type the input kind's class
   * @param mappers the relations from the input to the primaries
   * @param updates which updates reach the mappers
   * @param skipped updates (old, new) that reach no mapper although relevant (echoes of the controller's own writes)
   */
  public SharedInformerEventSource(String name, Class<T> type, KindCache<T> cache, List<SecondaryToPrimaryMapper<? super T>> mappers,
      Updates updates, BiPredicate<? super T, ? super T> skipped) {
    super(type, name);
    this.cache = cache;
    this.mappers = List.copyOf(mappers);
    this.updates = updates;
    this.skipped = skipped;
  }

  /** The handler registered on the shared informers (visible for tests). */
  ResourceEventHandler<T> handler() {
    return handler;
  }

  private Set<ResourceID> mapped(T object) {
    Set<ResourceID> ids = new HashSet<>();
    mappers.forEach(mapper -> ids.addAll(mapper.toPrimaryResourceIDs(object)));
    return ids;
  }

  private void trigger(Set<ResourceID> ids) {
    if (isRunning()) {
      ids.forEach(id -> getEventHandler().handleEvent(new Event(id)));
    }
  }

  @Override
  public void start() {
    super.start();
    cache.addEventHandler(handler);
  }

  @Override
  public void stop() {
    cache.removeEventHandler(handler);
    super.stop();
  }

  @Override
  public Set<T> getSecondaryResources(P primary) {
    return Set.of();
  }
}
