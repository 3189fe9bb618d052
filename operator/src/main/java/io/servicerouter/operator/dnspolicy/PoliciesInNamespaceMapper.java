package io.servicerouter.operator.dnspolicy;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.DNSPolicy;

import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/** The DNSPolicies of a policy's namespace: adding or removing one re-decides which is authoritative (SPEC §3.2). */
public final class PoliciesInNamespaceMapper implements SecondaryToPrimaryMapper<DNSPolicy> {

  private final KindCache<DNSPolicy> policies;

  /** Looks policies up in {@code policies}. */
  public PoliciesInNamespaceMapper(KindCache<DNSPolicy> policies) {
    this.policies = policies;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(DNSPolicy policy) {
    return ResourceIds.of(policies.byIndex(SnapshotIndexes.BY_NAMESPACE, policy.getMetadata().getNamespace()));
  }
}
