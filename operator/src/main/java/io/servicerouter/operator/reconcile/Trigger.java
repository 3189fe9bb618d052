package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.events.ItselfMapper;
import io.servicerouter.operator.events.SharedInformerEventSource;
import io.servicerouter.operator.events.StatusEchoes;
import io.servicerouter.operator.events.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * One input kind a controller reacts to, with the mappers from its objects to the controller's primaries.
 *
 * @param type the input kind's class
 * @param cache the shared cache of that kind
 * @param mappers the relations to the primaries
 * @param updates which updates of an object reach the mappers
 * @param skipped updates (old, new) that reach no mapper although relevant (echoes of the controller's own writes)
 * @param <T> the input kind
 */
public record Trigger<T extends HasMetadata>(Class<T> type, KindCache<T> cache, List<SecondaryToPrimaryMapper<? super T>> mappers,
    Updates updates, BiPredicate<? super T, ? super T> skipped) {

  /** A trigger of {@code type} through the given mappers on every new version of an object. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T extends HasMetadata> Trigger<T> of(Class<T> type, KindCache<T> cache, SecondaryToPrimaryMapper<? super T>... mappers) {
    return new Trigger<>(type, cache, List.of(mappers), Updates.EVERY_VERSION, (before, after) -> false);
  }

  /**
   * The primaries' own trigger for a kind whose status only this controller writes: every new version of a primary
   * reconciles it, except the echo of the controller's own status write ({@link StatusEchoes}).
   */
  public static <T extends HasMetadata> Trigger<T> itself(Class<T> type, KindCache<T> cache, StatusEchoes echoes) {
    return new Trigger<>(type, cache, List.of(new ItselfMapper()), Updates.EVERY_VERSION, echoes::isEcho);
  }

  /**
   * A trigger of {@code type} through the given mappers on additions, deletions and {@link Updates#SPEC_CHANGES}
   * only: for the operator's own kinds reaching other primaries, which never depend on their status.
   */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T extends HasMetadata> Trigger<T> onSpecChange(Class<T> type, KindCache<T> cache,
      SecondaryToPrimaryMapper<? super T>... mappers) {
    return new Trigger<>(type, cache, List.of(mappers), Updates.SPEC_CHANGES, (before, after) -> false);
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
    return new SharedInformerEventSource<>(type.getName() + "/" + updates, type, cache, mappers, updates, skipped);
  }
}
