package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Converts cached objects to the ids JOSDK queues reconciles by. */
public final class ResourceIds {

  private ResourceIds() {}

  /** The ids of the objects. */
  public static Set<ResourceID> of(Collection<? extends HasMetadata> objects) {
    return objects.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
