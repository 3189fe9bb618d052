package io.servicerouter.operator.events;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Set;

/**
 * One "this input affects those primaries" relation of the fan-out: maps a changed object to the primaries
 * whose evaluation depends on it. Mappers read the shared caches only, never the API server.
 *
 * @param <T> the kind of the changed object
 */
@FunctionalInterface
public interface PrimaryMapper<T> {

  /** The primaries to reconcile when {@code object} is added, changed (old and new state) or deleted. */
  Set<ResourceID> primaries(T object);
}
