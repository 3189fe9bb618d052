package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/**
 * The changed object itself, for a controller's own kind: any new version of a primary, status included,
 * reconciles it (so that a status written from a stale view or edited by hand is rewritten).
 */
public final class ItselfMapper implements SecondaryToPrimaryMapper<HasMetadata> {

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(HasMetadata object) {
    return Set.of(ResourceID.fromResource(object));
  }
}
