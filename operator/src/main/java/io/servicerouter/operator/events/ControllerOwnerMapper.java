package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The owner of a generated object, from its controller owner reference: a generated object deleted or
 * edited by hand is repaired by its owner's reconcile (SPEC §5).
 *
 * @param <T> the generated kind
 */
public final class ControllerOwnerMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {

  private final String ownerKind;

  /** Maps to owners of kind {@code ownerKind} (in the generated object's namespace). */
  public ControllerOwnerMapper(String ownerKind) {
    this.ownerKind = ownerKind;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(reference -> Boolean.TRUE.equals(reference.getController()) && ownerKind.equals(reference.getKind()))
        .map(reference -> new ResourceID(reference.getName(), object.getMetadata().getNamespace()))
        .collect(Collectors.toSet());
  }
}
