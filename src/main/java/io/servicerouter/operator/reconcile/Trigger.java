package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.PrimaryMapper;
import io.servicerouter.operator.events.SharedInformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One input kind a controller reacts to, with the mappers from its objects to the controller's primaries.
 *
 * @param type the input kind's class
 * @param cache the shared cache of that kind
 * @param mappers the relations to the primaries
 * @param <T> the input kind
 */
public record Trigger<T extends HasMetadata>(Class<T> type, KindCache<T> cache, List<PrimaryMapper<? super T>> mappers) {

  /** A trigger of {@code type} through the given mappers. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T extends HasMetadata> Trigger<T> of(Class<T> type, KindCache<T> cache, PrimaryMapper<? super T>... mappers) {
    return new Trigger<>(type, cache, List.of(mappers));
  }

  /** The event sources that deliver {@code triggers} to a controller of primaries {@code P}. */
  public static <P extends HasMetadata> List<EventSource<?, P>> eventSources(List<Trigger<?>> triggers) {
    List<EventSource<?, P>> sources = new ArrayList<>();
    for (Trigger<?> trigger : triggers) {
      sources.add(trigger.eventSource());
    }
    return sources;
  }

  private <P extends HasMetadata> SharedInformerEventSource<T, P> eventSource() {
    return new SharedInformerEventSource<>(type.getName(), type, cache, mappers);
  }
}
