package io.servicerouter.operator.events;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.operator.cache.Indexes;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/** The DNSPolicies of a policy's namespace: adding or removing one re-decides which is authoritative (SPEC §3.2). */
public final class PoliciesInNamespaceMapper implements PrimaryMapper<DNSPolicy> {

  private final KindCache<DNSPolicy> policies;

  /** Looks policies up in {@code policies}. */
  public PoliciesInNamespaceMapper(KindCache<DNSPolicy> policies) {
    this.policies = policies;
  }

  @Override
  public Set<ResourceID> primaries(DNSPolicy policy) {
    return ResourceIds.of(policies.byIndex(Indexes.BY_NAMESPACE, policy.getMetadata().getNamespace()));
  }
}
