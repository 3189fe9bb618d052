package io.servicerouter.operator.orphans;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.servicerouter.model.ApiGroups;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.RouteGroups;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.Optional;

/**
 * Which generated objects the operator owns (SPEC §3.10) and whether their owner still exists in the shared
 * caches (an owner being deleted counts as gone, as in every snapshot; so does a Service that stopped being
 * an Istio LoadBalancer).
 */
public final class Owners {

  private static final String ROUTING_API_VERSION = ApiGroups.ROUTING_GROUP + "/" + ApiGroups.VERSION;

  private final SharedCaches caches;

  /** Looks owners up in {@code caches}. */
  public Owners(SharedCaches caches) {
    this.caches = caches;
  }

  /**
   * The controller owner reference through which the operator owns {@code object}: a ServiceRoute or routing
   * Gateway, a DNSPolicy for a labelled route group (SPEC §4.6), or a Service for a labelled address DNSEndpoint; empty for objects the operator does not own.
   */
  public static Optional<OwnerReference> ownedThrough(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(reference -> Boolean.TRUE.equals(reference.getController()))
        .filter(reference -> ROUTING_API_VERSION.equals(reference.getApiVersion())
            && ("ServiceRoute".equals(reference.getKind()) || "Gateway".equals(reference.getKind()))
            || ROUTING_API_VERSION.equals(reference.getApiVersion()) && "DNSPolicy".equals(reference.getKind())
            && RouteGroups.isOwned(object)
            || "v1".equals(reference.getApiVersion()) && "Service".equals(reference.getKind())
            && Evaluation.isOwnedAddressEndpoint(object))
        .findFirst();
  }

  /**
   * Whether the owner named by {@code reference} exists (same uid) in {@code namespace}; a Service owner must
   * also still be a LoadBalancer with an {@code istio} label, since no other Service owns address records.
   */
  public boolean exists(String namespace, OwnerReference reference) {
    if ("Service".equals(reference.getKind())) {
      return find(caches.services(), namespace, reference).filter(service -> SnapshotIndexes.istioLabel(service) != null)
          .isPresent();
    }
    if ("ServiceRoute".equals(reference.getKind())) {
      return find(caches.routes(), namespace, reference).isPresent();
    }
    if ("DNSPolicy".equals(reference.getKind())) {
      return find(caches.policies(), namespace, reference).isPresent();
    }
    return find(caches.gateways(), namespace, reference).isPresent();
  }

  private static <T extends HasMetadata> Optional<T> find(KindCache<T> owners, String namespace,
      OwnerReference reference) {
    return owners.get(namespace, reference.getName())
        .filter(owner -> reference.getUid().equals(owner.getMetadata().getUid()));
  }
}
